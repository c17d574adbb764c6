package io.valence.orm.testkit.internal;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one test class owns: its database, recorder and pool, plus any further resources made
 * from them (a {@code SessionFactory}, later). Everything is created on first use; JUnit closes
 * it through the class's extension store, newest first, then the pool, then drops the database.
 */
public final class ClassResources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClassResources.class);
    private static final Duration SET_UP_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Settings from the test class's annotation.
     *
     * @param maxPoolSize the pool's maximum size
     * @param acquireTimeout the pool's acquire timeout
     * @param entities the mapped classes for a SessionFactory
     */
    public record Settings(int maxPoolSize, Duration acquireTimeout, List<Class<?>> entities) {

        /**
         * Copies the entity list.
         *
         * @param maxPoolSize the pool's maximum size
         * @param acquireTimeout the pool's acquire timeout
         * @param entities the mapped classes for a SessionFactory
         */
        public Settings {
            entities = List.copyOf(entities);
        }
    }

    private final String hint;
    private final Settings settings;
    private final Supplier<TestDatabase> server;
    private final StatementRecorder recorder = StatementRecorder.create();
    private final Map<Class<?>, Object> resources = new LinkedHashMap<>();
    private final Deque<Runnable> closers = new ArrayDeque<>();
    private @Nullable IsolatedDatabase database;
    private @Nullable ConnectionPool pool;

    /**
     * Creates the holder; nothing is started yet.
     *
     * @param hint readable part of the database name (the test class name)
     * @param settings pool size, timeout and entities
     * @param server the server to create the database on, asked on first use
     */
    public ClassResources(String hint, Settings settings, Supplier<TestDatabase> server) {
        this.hint = hint;
        this.settings = settings;
        this.server = server;
    }

    /**
     * The settings the class declared.
     *
     * @return the settings, entities included
     */
    public Settings settings() {
        return settings;
    }

    /**
     * The class's recorder.
     *
     * @return the recorder wrapping the pool's connection factory
     */
    public StatementRecorder recorder() {
        return recorder;
    }

    /**
     * The class's database, created on the first call.
     *
     * @return the database
     */
    public synchronized IsolatedDatabase database() {
        if (database == null) {
            database = Objects.requireNonNull(server.get().createDatabase(hint).block(SET_UP_TIMEOUT), "database");
        }
        return database;
    }

    /**
     * The class's pool over the recorder's proxy, opened on the first call.
     *
     * @return the pool
     */
    public synchronized ConnectionPool pool() {
        if (pool == null) {
            pool = database().openPool(settings.maxPoolSize(), settings.acquireTimeout(), recorder::wrap);
        }
        return pool;
    }

    /**
     * The pool if a test asked for it, for the leak check (which must not open one).
     *
     * @return the pool, or empty
     */
    public synchronized Optional<ConnectionPool> openedPool() {
        return Optional.ofNullable(pool);
    }

    /**
     * A further per-class resource, created on first request and closed before the pool.
     *
     * @param type the resource's type, its key
     * @param create makes it from these resources
     * @param close releases it; may block
     * @param <T> the resource type
     * @return the one instance for this class
     */
    public synchronized <T> T resource(Class<T> type, Function<ClassResources, T> create, Consumer<T> close) {
        Object existing = resources.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        T created = Objects.requireNonNull(create.apply(this), "created resource");
        resources.put(type, created);
        closers.push(() -> close.accept(created));
        return created;
    }

    /** Closes further resources newest first, then the pool, then drops the database; logs failures. */
    @Override
    public synchronized void close() {
        while (!closers.isEmpty()) {
            quietly("a test resource", closers.pop());
        }
        ConnectionPool openPool = pool;
        if (openPool != null) {
            quietly("the connection pool", () -> openPool.disposeLater().block(SET_UP_TIMEOUT));
        }
        IsolatedDatabase created = database;
        if (created != null) {
            quietly("test database " + created.name(), () -> created.drop().block(SET_UP_TIMEOUT));
        }
    }

    private static void quietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("Closing {} failed", what, e);
        }
    }
}
