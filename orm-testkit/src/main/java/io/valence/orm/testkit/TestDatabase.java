package io.valence.orm.testkit;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Result;
import io.valence.orm.testkit.internal.DatabaseNames;
import io.valence.orm.testkit.internal.PostgresServer;
import io.valence.orm.testkit.internal.ProviderSelection;
import io.valence.orm.testkit.internal.ProviderSelector;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The PostgreSQL server of this test JVM, chosen without anyone starting one by hand:
 * {@code VALENCE_TEST_DATABASE_URL} (or {@code -Dvalence.test.database.url}) when set, else a
 * Testcontainers {@code postgres:18} container when a Docker engine answers, else embedded
 * PostgreSQL 18 binaries from Maven Central. The choice and the server version are logged.
 *
 * <p>Tests never share a database: each asks {@link #createDatabase(String)} for a fresh one.
 * The {@link ValenceTest} extension does that for every test class.
 */
public final class TestDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static @Nullable TestDatabase shared;
    private static @Nullable RuntimeException sharedFailure;

    private final PostgresServer server;
    private final ConnectionFactory admin;
    private final String serverVersion;
    private final int serverMajorVersion;

    private TestDatabase(PostgresServer server, String serverVersion, int serverMajorVersion) {
        this.server = server;
        this.admin = ConnectionFactories.get(server.adminOptions());
        this.serverVersion = serverVersion;
        this.serverMajorVersion = serverMajorVersion;
    }

    /**
     * The server of this JVM, started on first use and stopped when the JVM exits (a shutdown
     * hook). Blocks the first caller until the server answers; later calls return at once.
     *
     * @return the shared test database server
     * @throws IllegalStateException when no server could be started or reached; every later
     *     call throws the same way, with the first failure as cause
     */
    public static synchronized TestDatabase shared() {
        if (shared != null) {
            return shared;
        }
        if (sharedFailure != null) {
            throw new IllegalStateException(sharedFailure.getMessage(), sharedFailure);
        }
        try {
            TestDatabase started = start(ProviderSelector.fromSystem());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "valence-test-database-stop"));
            shared = started;
            return started;
        } catch (RuntimeException e) {
            sharedFailure = new IllegalStateException("No PostgreSQL for tests could be started: " + e.getMessage()
                    + ". Set " + ProviderSelector.URL_VARIABLE
                    + " to r2dbc:postgresql://user:password@host:5432/postgres to use a server of your own.", e);
            throw sharedFailure;
        }
    }

    /** Starts the server the selector picks and reads its version; the caller closes it. */
    static TestDatabase start(ProviderSelector selector) {
        ProviderSelection selection = selector.select();
        long startedAt = System.nanoTime();
        PostgresServer server = PostgresServer.start(selection);
        try {
            TestDatabase database = Objects.requireNonNull(readVersion(server).block(START_TIMEOUT), "version");
            LOG.info("Test database: {} ({}), {} [{}; ready in {} ms]", selection.provider(), server.description(),
                    database.serverVersion, selection.reason(), (System.nanoTime() - startedAt) / 1_000_000);
            return database;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static Mono<TestDatabase> readVersion(PostgresServer server) {
        ConnectionFactory admin = ConnectionFactories.get(server.adminOptions());
        return Mono.usingWhen(
                admin.create(),
                connection -> Mono.from(connection
                                .createStatement("select version(), current_setting('server_version_num')")
                                .execute())
                        .flatMap(result -> Mono.from(result.map((row, metadata) -> new TestDatabase(
                                server,
                                Objects.requireNonNull(row.get(0, String.class), "version()"),
                                Integer.parseInt(Objects.requireNonNull(row.get(1, String.class), "server_version_num"))
                                        / 10_000)))),
                Connection::close);
    }

    /**
     * Where this server comes from.
     *
     * @return the provider chosen at start-up
     */
    public DatabaseProvider provider() {
        return server.provider();
    }

    /**
     * What {@code select version()} answered at start-up, e.g. {@code PostgreSQL 18.6 on x86_64-pc-linux-gnu, …}.
     *
     * @return the server's version string
     */
    public String serverVersion() {
        return serverVersion;
    }

    /**
     * The server's major version, e.g. {@code 18}.
     *
     * @return {@code server_version_num / 10000}
     */
    public int serverMajorVersion() {
        return serverMajorVersion;
    }

    /**
     * Creates a new, empty database with a unique name derived from {@code hint}, through an
     * administrative connection ({@code CREATE DATABASE "…"}). Nothing happens until subscribed;
     * cancelling may leave the database behind (it is dropped with the server's temporary
     * directory for the embedded provider).
     *
     * @param hint a readable part of the name, such as the test class name
     * @return a Mono that emits the database once it exists, or errors with the driver's
     *     exception when the server refuses
     */
    public Mono<IsolatedDatabase> createDatabase(String hint) {
        Objects.requireNonNull(hint, "hint");
        return Mono.defer(() -> {
            String name = DatabaseNames.unique(hint);
            ConnectionFactoryOptions options = ConnectionFactoryOptions.builder()
                    .from(server.adminOptions())
                    .option(ConnectionFactoryOptions.DATABASE, name)
                    .build();
            return execute("CREATE DATABASE " + DatabaseNames.quote(name)).thenReturn(new IsolatedDatabase(this, name, options));
        });
    }

    /** Drops the database, closing any connection still open to it. */
    Mono<Void> dropDatabase(String name) {
        return execute("DROP DATABASE IF EXISTS " + DatabaseNames.quote(name) + " WITH (FORCE)");
    }

    private Mono<Void> execute(String sql) {
        return Mono.usingWhen(
                admin.create(),
                connection -> Flux.from(connection.createStatement(sql).execute())
                        .flatMap(Result::getRowsUpdated)
                        .then(),
                Connection::close);
    }

    /** Stops the server if the testkit started it. */
    void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "TestDatabase[" + server.provider() + ", " + server.description() + ", PostgreSQL " + serverMajorVersion + "]";
    }
}
