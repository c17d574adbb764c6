package io.valence.orm.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.testkit.DatabaseProvider;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ProviderSelectorTest {

    private static final String ENV_URL = "r2dbc:postgresql://env@db:5432/postgres";
    private static final String PROPERTY_URL = "r2dbc:postgresql://prop@db:5432/postgres";

    private final AtomicInteger dockerQuestions = new AtomicInteger();

    private BooleanSupplier docker(boolean answer) {
        return () -> {
            dockerQuestions.incrementAndGet();
            return answer;
        };
    }

    private static Properties properties(String url) {
        Properties properties = new Properties();
        properties.setProperty(ProviderSelector.URL_PROPERTY, url);
        return properties;
    }

    @Test
    void urlFromEnvironmentWinsOverDockerWithoutAskingDocker() {
        ProviderSelection selection = new ProviderSelector(
                        Map.of(ProviderSelector.URL_VARIABLE, ENV_URL), new Properties(), docker(true))
                .select();

        assertThat(selection.provider()).isEqualTo(DatabaseProvider.URL);
        assertThat(selection.url()).isEqualTo(ENV_URL);
        assertThat(selection.reason()).contains("VALENCE_TEST_DATABASE_URL");
        assertThat(dockerQuestions).hasValue(0);
    }

    @Test
    void urlFromSystemPropertyWinsOverEnvironment() {
        ProviderSelection selection = new ProviderSelector(
                        Map.of(ProviderSelector.URL_VARIABLE, ENV_URL), properties(PROPERTY_URL), docker(true))
                .select();

        assertThat(selection.provider()).isEqualTo(DatabaseProvider.URL);
        assertThat(selection.url()).isEqualTo(PROPERTY_URL);
        assertThat(selection.reason()).contains("valence.test.database.url");
    }

    @Test
    void blankUrlsAreIgnored() {
        ProviderSelection selection = new ProviderSelector(
                        Map.of(ProviderSelector.URL_VARIABLE, "  "), properties(""), docker(false))
                .select();

        assertThat(selection.provider()).isEqualTo(DatabaseProvider.EMBEDDED);
    }

    @Test
    void testcontainersIsChosenWhenNoUrlAndDockerAnswers() {
        ProviderSelection selection = new ProviderSelector(Map.of(), new Properties(), docker(true)).select();

        assertThat(selection.provider()).isEqualTo(DatabaseProvider.TESTCONTAINERS);
        assertThat(selection.url()).isNull();
        assertThat(dockerQuestions).hasValue(1);
    }

    @Test
    void embeddedIsChosenWhenNoUrlAndNoDocker() {
        ProviderSelection selection = new ProviderSelector(Map.of(), new Properties(), docker(false)).select();

        assertThat(selection.provider()).isEqualTo(DatabaseProvider.EMBEDDED);
        assertThat(selection.reason()).contains("no Docker engine answered");
    }

    @Test
    void nothingIsReadBeforeSelect() {
        new ProviderSelector(Map.of(), new Properties(), docker(true));

        assertThat(dockerQuestions).hasValue(0);
    }
}
