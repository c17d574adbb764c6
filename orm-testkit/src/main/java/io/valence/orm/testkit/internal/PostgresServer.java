package io.valence.orm.testkit.internal;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.valence.orm.testkit.DatabaseProvider;

/**
 * A running PostgreSQL server the testkit may create databases on, whichever provider started
 * it. {@link #close()} stops what the testkit started and leaves a server it was pointed at alone.
 */
public sealed interface PostgresServer extends AutoCloseable permits ExternalServer, ContainerServer, EmbeddedServer {

    /**
     * Starts (or, for a URL, connects nothing yet and just describes) the server the selection names.
     * Blocks until the server accepts connections.
     *
     * @param selection the provider choice
     * @return the server, to be closed when the tests are done
     */
    static PostgresServer start(ProviderSelection selection) {
        return switch (selection.provider()) {
            case URL -> ExternalServer.of(java.util.Objects.requireNonNull(selection.url(), "url"));
            case TESTCONTAINERS -> ContainerServer.start();
            case EMBEDDED -> EmbeddedServer.start();
        };
    }

    /**
     * Which provider this server came from.
     *
     * @return the provider
     */
    DatabaseProvider provider();

    /**
     * Options for a connection with the right to {@code CREATE DATABASE}, to a database that
     * always exists (the URL's database, or {@code postgres}).
     *
     * @return the administrative connection options, including the driver
     */
    ConnectionFactoryOptions adminOptions();

    /**
     * Where the server is, for logs (host, port, data directory or container); never a password.
     *
     * @return a one-line description
     */
    String description();

    /** Stops the server if the testkit started it; never throws. */
    @Override
    void close();
}
