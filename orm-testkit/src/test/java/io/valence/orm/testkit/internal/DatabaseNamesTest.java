package io.valence.orm.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatabaseNamesTest {

    @Test
    void uniqueNamesAreReadableLowerCaseAndDistinct() {
        Set<String> names = new HashSet<>();
        IntStream.range(0, 100).forEach(i -> names.add(DatabaseNames.unique("OrderIT$Nested")));

        assertThat(names).hasSize(100).allSatisfy(name -> assertThat(name).matches("valence_orderit_nested_\\d+_[0-9a-f]{6}"));
    }

    @Test
    void uniqueNamesFitPostgresIdentifierLimit() {
        String name = DatabaseNames.unique("x".repeat(500));

        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
    }

    @Test
    void hintWithoutLettersStillGivesAName() {
        assertThat(DatabaseNames.unique("$$$")).startsWith("valence_db_");
    }

    @Test
    void quotingDoublesEmbeddedQuotes() {
        assertThat(DatabaseNames.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void urlCarriesCredentialsHostPortAndDatabaseEncoded() {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, "db")
                .option(ConnectionFactoryOptions.PORT, 5433)
                .option(ConnectionFactoryOptions.USER, "app")
                .option(ConnectionFactoryOptions.PASSWORD, "p@ss word")
                .option(ConnectionFactoryOptions.DATABASE, "valence_x")
                .build();

        String url = ConnectionUrls.of(options);

        assertThat(url).isEqualTo("r2dbc:postgresql://app:p%40ss%20word@db:5433/valence_x");
        ConnectionFactoryOptions parsed = ConnectionFactoryOptions.parse(url);
        assertThat(parsed.getValue(ConnectionFactoryOptions.PASSWORD)).hasToString("p@ss word");
        assertThat(ConnectionUrls.redact(url)).isEqualTo("r2dbc:postgresql://app:***@db:5433/valence_x");
    }
}
