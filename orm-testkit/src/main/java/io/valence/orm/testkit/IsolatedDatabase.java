package io.valence.orm.testkit;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.valence.orm.testkit.internal.ConnectionUrls;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;

/**
 * One database created for one test class by {@link TestDatabase#createDatabase(String)}:
 * empty at creation, uniquely named, invisible to every other test class. Holds how to connect
 * to it and opens r2dbc-pool pools on it.
 */
public final class IsolatedDatabase {

    private final TestDatabase server;
    private final String name;
    private final ConnectionFactoryOptions options;

    IsolatedDatabase(TestDatabase server, String name, ConnectionFactoryOptions options) {
        this.server = server;
        this.name = name;
        this.options = options;
    }

    /**
     * The server this database lives on.
     *
     * @return the server
     */
    public TestDatabase server() {
        return server;
    }

    /**
     * The database's name, as PostgreSQL stores it (lower case, e.g. {@code valence_orderit_3_9f2c1a}).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Everything needed to connect, driver included, as given to {@link ConnectionFactories#get(ConnectionFactoryOptions)}.
     *
     * @return the connection options
     */
    public ConnectionFactoryOptions options() {
        return options;
    }

    /**
     * An {@code r2dbc:postgresql://user:password@host:port/name} URL for this database, with the
     * password in clear (a test server's). Carries host, port, credentials and database only;
     * {@link #options()} carries every option.
     *
     * @return the URL
     */
    public String url() {
        return ConnectionUrls.of(options);
    }

    /**
     * A new, unpooled r2dbc-postgresql connection factory for this database. Each
     * {@code create()} opens a connection the caller must close.
     *
     * @return the connection factory
     */
    public ConnectionFactory connectionFactory() {
        return ConnectionFactories.get(options);
    }

    /**
     * Opens a pool on this database; see {@link #openPool(int, Duration, UnaryOperator)}.
     *
     * @param maxSize the most connections the pool opens, at least 1
     * @param acquireTimeout how long {@code create()} waits for a connection before erroring
     * @return a pool that opens connections lazily; the caller closes it
     */
    public ConnectionPool openPool(int maxSize, Duration acquireTimeout) {
        return openPool(maxSize, acquireTimeout, UnaryOperator.identity());
    }

    /**
     * Opens an r2dbc-pool pool on this database over the driver's factory as transformed by
     * {@code decorator}, e.g. {@code recorder::wrap} so that the pool's connections are recorded.
     * No connection is opened before the first {@code create()}.
     *
     * @param maxSize the most connections the pool opens, at least 1
     * @param acquireTimeout how long {@code create()} waits for a connection before erroring
     * @param decorator wraps the driver's connection factory
     * @return the pool; the caller closes it ({@link ConnectionPool#close()})
     * @throws IllegalArgumentException when {@code maxSize} is below 1 or the timeout is not positive
     */
    public ConnectionPool openPool(int maxSize, Duration acquireTimeout, UnaryOperator<ConnectionFactory> decorator) {
        if (acquireTimeout.isNegative() || acquireTimeout.isZero()) {
            throw new IllegalArgumentException("acquireTimeout must be positive, was " + acquireTimeout);
        }
        return new ConnectionPool(poolConfiguration(maxSize, decorator)
                .maxAcquireTime(acquireTimeout)
                .maxCreateConnectionTime(acquireTimeout)
                .build());
    }

    /**
     * Opens an r2dbc-pool pool on this database, like {@link #openPool(int, Duration, UnaryOperator)},
     * but with r2dbc-pool's defaults for waiting: no acquire or create timeout of the pool's own, so
     * a {@code create()} waits until a connection is free. For callers that bound that wait
     * themselves, as a Valence {@code SessionFactory} does ({@code acquireTimeout}). A pool with
     * {@code maxAcquireTime} puts a Reactor {@code timeout} on every acquisition, which schedules and
     * cancels a timer and builds a description string each time, even when a connection is free.
     *
     * @param maxSize the most connections the pool opens, at least 1
     * @param decorator wraps the driver's connection factory
     * @return the pool; the caller closes it ({@link ConnectionPool#close()})
     * @throws IllegalArgumentException when {@code maxSize} is below 1
     */
    public ConnectionPool openPoolWithoutTimeouts(int maxSize, UnaryOperator<ConnectionFactory> decorator) {
        return new ConnectionPool(poolConfiguration(maxSize, decorator).build());
    }

    private ConnectionPoolConfiguration.Builder poolConfiguration(int maxSize, UnaryOperator<ConnectionFactory> decorator) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, was " + maxSize);
        }
        ConnectionFactory connectionFactory = Objects.requireNonNull(decorator.apply(connectionFactory()), "decorated");
        return ConnectionPoolConfiguration.builder(connectionFactory)
                .name(name)
                .initialSize(0)
                .maxSize(maxSize);
    }

    /**
     * Drops this database, ending any connection still open to it
     * ({@code DROP DATABASE … WITH (FORCE)}). Nothing happens until subscribed.
     *
     * @return a Mono that completes once the database is gone
     */
    public Mono<Void> drop() {
        return server.dropDatabase(name);
    }

    @Override
    public String toString() {
        return "IsolatedDatabase[" + name + " on " + server.provider() + "]";
    }
}
