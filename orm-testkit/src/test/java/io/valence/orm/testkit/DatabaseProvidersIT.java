package io.valence.orm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.testkit.internal.ProviderSelector;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class DatabaseProvidersIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Mono<String> currentDatabase(ConnectionFactory connectionFactory) {
        return Mono.usingWhen(
                connectionFactory.create(),
                connection -> Mono.from(connection.createStatement("select current_database()").execute())
                        .flatMap(result -> Mono.from(result.map((row, metadata) -> row.get(0, String.class)))),
                Connection::close);
    }

    @Test
    void embeddedProviderStartsRealPostgres18() {
        TestDatabase embedded = TestDatabase.start(new ProviderSelector(Map.of(), new Properties(), () -> false));
        try {
            assertThat(embedded.provider()).isEqualTo(DatabaseProvider.EMBEDDED);
            assertThat(embedded.serverVersion()).startsWith("PostgreSQL 18.");
            assertThat(embedded.serverMajorVersion()).isEqualTo(18);

            StepVerifier.create(embedded.createDatabase("embedded").flatMap(database ->
                            currentDatabase(database.connectionFactory()).map(name -> name.equals(database.name()))))
                    .expectNext(true)
                    .expectComplete()
                    .verify(TIMEOUT);
        } finally {
            embedded.close();
        }
    }

    @Test
    void urlProviderUsesTheServerNamedBySystemProperty() {
        DatabaseProvider sharedProvider = TestDatabase.shared().provider();
        IsolatedDatabase target = TestDatabase.shared().createDatabase("url target").block(TIMEOUT);
        assertThat(target).isNotNull();
        Properties properties = new Properties();
        properties.setProperty(ProviderSelector.URL_PROPERTY, target.url());

        TestDatabase viaUrl = TestDatabase.start(new ProviderSelector(Map.of(), properties, () -> {
            throw new AssertionError("Docker must not be asked when a URL is set");
        }));
        try {
            assertThat(viaUrl.provider()).isEqualTo(DatabaseProvider.URL);
            assertThat(viaUrl.serverVersion()).isEqualTo(TestDatabase.shared().serverVersion());

            StepVerifier.create(viaUrl.createDatabase("through url").flatMap(created -> currentDatabase(created.connectionFactory())
                            .zipWith(Mono.just(created.name()))
                            .flatMap(names -> created.drop().thenReturn(names))))
                    .assertNext(names -> assertThat(names.getT1()).isEqualTo(names.getT2()).startsWith("valence_through_url_"))
                    .expectComplete()
                    .verify(TIMEOUT);
        } finally {
            viaUrl.close();
            StepVerifier.create(target.drop()).expectComplete().verify(TIMEOUT);
        }
        assertThat(TestDatabase.shared().provider()).isEqualTo(sharedProvider);
    }

    @Test
    void droppedDatabaseIsGone() {
        IsolatedDatabase database = TestDatabase.shared().createDatabase("dropped").block(TIMEOUT);
        assertThat(database).isNotNull();

        StepVerifier.create(database.drop().then(currentDatabase(database.connectionFactory())))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining(database.name()).hasMessageContaining("does not exist"))
                .verify(TIMEOUT);
    }
}
