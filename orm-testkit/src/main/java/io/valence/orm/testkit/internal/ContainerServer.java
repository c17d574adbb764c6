package io.valence.orm.testkit.internal;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.valence.orm.testkit.DatabaseProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** A {@code postgres:18} container started through Testcontainers; stopped on close (Ryuk cleans up otherwise). */
final class ContainerServer implements PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerServer.class);
    private static final DockerImageName IMAGE = DockerImageName.parse("postgres:18");

    private final PostgreSQLContainer<?> container;

    private ContainerServer(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    /** Pulls the image if needed and starts the container; blocks until PostgreSQL accepts connections. */
    static ContainerServer start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE)
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c",
                        "full_page_writes=off", "-c", "max_connections=200");
        container.start();
        return new ContainerServer(container);
    }

    @Override
    public DatabaseProvider provider() {
        return DatabaseProvider.TESTCONTAINERS;
    }

    @Override
    public ConnectionFactoryOptions adminOptions() {
        return ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, container.getHost())
                .option(ConnectionFactoryOptions.PORT, container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT))
                .option(ConnectionFactoryOptions.USER, container.getUsername())
                .option(ConnectionFactoryOptions.PASSWORD, container.getPassword())
                .option(ConnectionFactoryOptions.DATABASE, container.getDatabaseName())
                .build();
    }

    @Override
    public String description() {
        return IMAGE + " container " + container.getContainerId() + " on " + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public void close() {
        try {
            container.stop();
        } catch (RuntimeException e) {
            LOG.warn("The PostgreSQL container did not stop cleanly", e);
        }
    }
}
