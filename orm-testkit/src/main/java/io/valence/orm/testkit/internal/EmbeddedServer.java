package io.valence.orm.testkit.internal;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.valence.orm.testkit.DatabaseProvider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real PostgreSQL binaries from Maven Central (zonky), initialised in a temporary directory
 * that is removed on close. Durability is switched off: a test server that loses its data on
 * a crash loses nothing anyone needs, and starts and commits faster.
 */
final class EmbeddedServer implements PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Extracts the binaries (once per machine), runs initdb and starts the postmaster. */
    static EmbeddedServer start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false) // TestDatabase's hook stops it
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            return new EmbeddedServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL server could not be started: " + e.getMessage(), e);
        }
    }

    @Override
    public DatabaseProvider provider() {
        return DatabaseProvider.EMBEDDED;
    }

    @Override
    public ConnectionFactoryOptions adminOptions() {
        return ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, "localhost")
                .option(ConnectionFactoryOptions.PORT, postgres.getPort())
                .option(ConnectionFactoryOptions.USER, "postgres")
                .option(ConnectionFactoryOptions.DATABASE, "postgres")
                .build();
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on localhost:" + postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The embedded PostgreSQL server on port {} did not stop cleanly", postgres.getPort(), e);
        }
    }
}
