package io.valence.orm.testkit.internal;

import io.valence.orm.testkit.DatabaseProvider;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides where the test database comes from, in the order DESIGN.md gives: an explicit URL,
 * then Testcontainers when Docker answers, then embedded PostgreSQL. Pure: the environment,
 * the system properties and the Docker probe are inputs, so the order is unit-tested.
 */
public final class ProviderSelector {

    /** The environment variable naming an {@code r2dbc:postgresql://} server to use. */
    public static final String URL_VARIABLE = "VALENCE_TEST_DATABASE_URL";

    /** The system property naming an {@code r2dbc:postgresql://} server; wins over the variable. */
    public static final String URL_PROPERTY = "valence.test.database.url";

    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final BooleanSupplier dockerAvailable;

    /**
     * Creates a selector over the given inputs; nothing is read until {@link #select()}.
     *
     * @param environment the process environment (or a fake)
     * @param systemProperties the JVM system properties (or a fake)
     * @param dockerAvailable asked only when no URL is configured
     */
    public ProviderSelector(
            Map<String, String> environment, Properties systemProperties, BooleanSupplier dockerAvailable) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.dockerAvailable = Objects.requireNonNull(dockerAvailable, "dockerAvailable");
    }

    /**
     * The selector for this JVM: its environment, its system properties and the real Docker probe.
     *
     * @return a selector reading the running process
     */
    public static ProviderSelector fromSystem() {
        Map<String, String> environment = System.getenv();
        return new ProviderSelector(environment, System.getProperties(), () -> DockerProbe.isDockerAvailable(environment));
    }

    /**
     * Picks the provider; asks the Docker probe only when no URL is configured.
     *
     * @return the choice and the reason for it
     */
    public ProviderSelection select() {
        String fromProperty = nonBlank(systemProperties.getProperty(URL_PROPERTY));
        if (fromProperty != null) {
            return new ProviderSelection(
                    DatabaseProvider.URL, fromProperty, "system property " + URL_PROPERTY + " is set");
        }
        String fromEnvironment = nonBlank(environment.get(URL_VARIABLE));
        if (fromEnvironment != null) {
            return new ProviderSelection(
                    DatabaseProvider.URL, fromEnvironment, "environment variable " + URL_VARIABLE + " is set");
        }
        if (dockerAvailable.getAsBoolean()) {
            return new ProviderSelection(
                    DatabaseProvider.TESTCONTAINERS, null, "no URL is configured and a Docker engine answered");
        }
        return new ProviderSelection(
                DatabaseProvider.EMBEDDED, null, "no URL is configured (" + URL_VARIABLE + ", -D" + URL_PROPERTY
                        + ") and no Docker engine answered");
    }

    private static @Nullable String nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
