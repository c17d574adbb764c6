package io.valence.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.Connection;
import io.valence.orm.SchemaMismatchException;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A schema that drifted from the mapping (a migration without a column) stops the service at start-up
 * with Spring Boot's failure report naming the table, the column and the fix, instead of failing the
 * first request; {@code valence.schema.validate=false} lets it start anyway.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchemaValidationIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static IsolatedDatabase database;

    @BeforeAll
    static void createASchemaWithoutOneColumn() {
        database = TestDatabase.shared().createDatabase("drifted").block(TIMEOUT);
        SessionFactory factory = SessionFactory.builder(database.connectionFactory())
                .scanPackages("io.valence.examples.webflux.model")
                .build();
        factory.schema().create().block(TIMEOUT);
        Mono.usingWhen(database.connectionFactory().create(),
                        (Connection connection) -> Flux.from(connection.createStatement(
                                        "ALTER TABLE \"child\" DROP COLUMN \"value\"").execute())
                                .concatMap(result -> result.getRowsUpdated())
                                .then(),
                        Connection::close)
                .block(TIMEOUT);
    }

    @AfterAll
    static void dropTheDatabase() {
        database.drop().block(TIMEOUT);
    }

    @Test
    void startUpFailsNamingTheTableTheColumnAndTheFix(CapturedOutput output) {
        assertThatThrownBy(() -> start().close()).hasRootCauseInstanceOf(SchemaMismatchException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Column \"value\" of table \"child\" (Child.value) is missing.")
                .contains("ALTER TABLE \"child\" ADD COLUMN \"value\" varchar(50) NOT NULL")
                .contains("Or set valence.schema.validate=false to start without the check.");
    }

    @Test
    void startsWithValidationSwitchedOff() {
        try (ConfigurableApplicationContext context = start("--valence.schema.validate=false")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 2];
        all[0] = "--spring.r2dbc.url=" + database.url();
        all[1] = "--server.port=0";
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        return new SpringApplicationBuilder(WebfluxServiceApplication.class).run(all);
    }
}
