package io.valence.orm.reactive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.MappingException;
import io.valence.orm.reactive.internal.connection.ChannelSettings;
import io.valence.orm.reactive.internal.scan.MappedModel;
import io.valence.orm.reactive.internal.session.DefaultSessionFactory;
import jakarta.persistence.AttributeConverter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;

/**
 * Creates sessions over a {@link ConnectionFactory} (usually an r2dbc-pool {@code ConnectionPool})
 * for a validated set of entity classes. Thread-safe; build one per database and share it.
 *
 * <pre>{@code
 * SessionFactory factory = SessionFactory.builder(pool).entities(Parent.class, Child.class).build();
 * Mono<Parent> saved = factory.inTransaction(session -> {
 *     Parent parent = new Parent("p");
 *     session.add(parent);
 *     return Mono.just(parent);
 * });
 * }</pre>
 */
public interface SessionFactory {

    /**
     * Starts building a factory.
     *
     * @param connectionFactory where sessions take their connections; it stays the caller's to close
     * @return the builder
     */
    static Builder builder(ConnectionFactory connectionFactory) {
        return new Builder(connectionFactory);
    }

    /**
     * Opens a session. No connection is taken until the session first needs one.
     *
     * @return a new session; close it when done
     */
    ReactiveSession openSession();

    /**
     * Opens a session that works inside a transaction someone else opened and will end, usually
     * Spring's transaction manager (orm-spring's {@code ValenceTransactions} does this inside
     * {@code @Transactional} methods): Valence's statements and those of the owner (a
     * {@code DatabaseClient}, say) then commit or roll back together.
     *
     * <p>The session takes its connection from {@code transactionConnection} when it first needs
     * one, and sends neither BEGIN, COMMIT nor ROLLBACK on it, nor closes it: that is the owner's.
     * {@link ReactiveSession#commit()} flushes and leaves the commit to the owner;
     * {@link ReactiveSession#rollback()} fails, since only the owner can roll its transaction back
     * (let the transactional work fail instead); {@link ReactiveSession#close()} ends the session.
     * Everything else (identity map, flush, savepoints, the one-operation rule) is as in any
     * session. The factory's statement and lock timeouts are not applied: they ride on the BEGIN
     * that the owner sends.
     *
     * @param transactionConnection a factory whose {@code create()} emits the connection on which
     *     the transaction is open (for example one that emits an already obtained connection)
     * @return a new session; close it when the transaction ends
     */
    ReactiveSession openJoinedSession(ConnectionFactory transactionConnection);

    /**
     * Opens a session, runs the work, and closes the session when the work's Mono terminates or is
     * cancelled; what the work did not commit is rolled back.
     *
     * @param work the work, given the session
     * @param <T> the result type
     * @return a Mono of the work's result
     */
    <T> Mono<T> withSession(Function<ReactiveSession, Mono<T>> work);

    /**
     * Opens a session, runs the work, and commits when the work succeeds; rolls back when it fails
     * or is cancelled. The session is closed in every case.
     *
     * @param work the work, given the session
     * @param <T> the result type
     * @return a Mono of the work's result, emitted after COMMIT
     */
    <T> Mono<T> inTransaction(Function<ReactiveSession, Mono<T>> work);

    /**
     * Runs branches concurrently, each in its own session, connection and transaction, with
     * {@code asyncio.TaskGroup} semantics: a branch commits when it succeeds; the first failure
     * cancels the branches still running (their work is rolled back and their connections
     * released) and is raised with the other errors suppressed. Cancelling the returned Mono cancels
     * and rolls back every running branch. A fan-out wider than the pool runs in turns.
     *
     * @param branches the work of each branch, given its own session
     * @param <T> the result type
     * @return a Mono of the results in branch order ({@code null} for a branch that completed empty)
     */
    <T> Mono<List<T>> fanOut(List<Function<ReactiveSession, Mono<T>>> branches);

    /**
     * Two branches of different types, as {@link #fanOut(List)}; each must emit a value.
     *
     * @param a the first branch
     * @param b the second branch
     * @param <A> the first result type
     * @param <B> the second result type
     * @return a Mono of both results
     */
    <A, B> Mono<Tuple2<A, B>> fanOut(Function<ReactiveSession, Mono<A>> a, Function<ReactiveSession, Mono<B>> b);

    /**
     * Three branches of different types, as {@link #fanOut(List)}; each must emit a value.
     *
     * @param a the first branch
     * @param b the second branch
     * @param c the third branch
     * @param <A> the first result type
     * @param <B> the second result type
     * @param <C> the third result type
     * @return a Mono of the three results
     */
    <A, B, C> Mono<Tuple3<A, B, C>> fanOut(
            Function<ReactiveSession, Mono<A>> a, Function<ReactiveSession, Mono<B>> b, Function<ReactiveSession, Mono<C>> c);

    /**
     * Runs branches like {@link #fanOut(List)}, but every branch runs to its end and reports its
     * outcome, as {@code asyncio.gather(..., return_exceptions=True)}: failures do not cancel others.
     *
     * @param branches the work of each branch
     * @param <T> the result type
     * @return a Mono of each branch's {@link Settled} outcome, in branch order
     */
    <T> Mono<List<Settled<T>>> fanOutSettled(List<Function<ReactiveSession, Mono<T>>> branches);

    /**
     * Runs branches concurrently, all or nothing: each branch's transaction stays open until every
     * branch succeeded and flushed, then all commit; any failure rolls every branch back. It needs one
     * connection per branch at the same time and fails at once, before any work, when the pool is
     * smaller. (The commits run one after the other at the end; a COMMIT that fails after an earlier
     * one succeeded, which needs a server failure at that instant, is not undone.)
     *
     * @param branches the work of each branch
     * @param <T> the result type
     * @return a Mono of the results in branch order
     */
    <T> Mono<List<T>> fanOutAtomic(List<Function<ReactiveSession, Mono<T>>> branches);

    /**
     * The DDL of this factory's entities.
     *
     * @return the schema, whose {@code create()}/{@code drop()} run on a connection of this factory
     */
    Schema schema();

    /**
     * Closes the factory. A {@link ConnectionFactory} passed to {@link #builder} is not closed: it
     * stays the caller's.
     *
     * @return a Mono that completes when closed
     */
    Mono<Void> close();

    /** Collects the entity classes of a factory and validates them at {@link #build()}. */
    final class Builder {
        private final ConnectionFactory connectionFactory;
        private final MappedModel model = new MappedModel();
        private Duration acquireTimeout = Duration.ofSeconds(30);
        private Duration statementTimeout;
        private Duration lockTimeout;
        private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

        private Builder(ConnectionFactory connectionFactory) {
            this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
        }

        /**
         * Registers entity classes.
         *
         * @param types classes annotated with {@code @Entity}
         * @return this builder
         */
        public Builder entities(Class<?>... types) {
            model.entities(types);
            return this;
        }

        /**
         * Registers {@code AttributeConverter}s ({@code @Converter(autoApply = true)} ones convert every
         * field of their type); each is created once. {@link #scanPackages} finds them too.
         *
         * @param types converter classes
         * @return this builder
         */
        @SafeVarargs
        public final Builder converters(Class<? extends AttributeConverter<?, ?>>... types) {
            for (Class<?> type : types) {
                model.converter(type); // one by one: the @SafeVarargs array never escapes
            }
            return this;
        }

        /**
         * The Jackson 2 mapper of JSON columns ({@code columnDefinition = "jsonb"}), in Spring the
         * application's. Default: a new one with every Jackson module on the class path.
         *
         * @param mapper the mapper
         * @return this builder
         */
        public Builder objectMapper(ObjectMapper mapper) {
            model.objectMapper(Objects.requireNonNull(mapper, "mapper"));
            return this;
        }

        /**
         * Registers every {@code @Entity} class found under these packages (and their subpackages)
         * on the class path, in directories and jars, so no model is left unloaded.
         *
         * @param packageNames package names such as {@code "com.acme.model"}
         * @return this builder
         */
        public Builder scanPackages(String... packageNames) {
            model.packages(packageNames);
            return this;
        }

        /**
         * How long a session waits for a connection before failing with an error that names the
         * likely cause (an exhausted pool), instead of hanging. Default 30 seconds.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder acquireTimeout(Duration timeout) {
            this.acquireTimeout = ChannelSettings.positive("acquireTimeout", timeout);
            return this;
        }

        /**
         * The longest any statement of this factory's sessions may run: PostgreSQL cancels it
         * past that, and the operation fails with {@link io.valence.orm.StatementTimeoutException}
         * (the transaction then needs {@code rollback()}). Set with {@code SET LOCAL} in the same
         * message as BEGIN, so it costs no round trip. Default: the server's
         * {@code statement_timeout}.
         *
         * @param timeout a positive duration of at least a millisecond
         * @return this builder
         */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = ChannelSettings.positiveMillis("statementTimeout", timeout);
            return this;
        }

        /**
         * The longest any statement of this factory's sessions may wait for a row or table lock:
         * past that it fails with {@link io.valence.orm.StatementTimeoutException} (SQLSTATE 55P03),
         * instead of holding its connection for as long as another transaction holds the lock. Set
         * like {@link #statementTimeout(Duration)}, at no round trip. Default: the server's
         * {@code lock_timeout}.
         *
         * @param timeout a positive duration of at least a millisecond
         * @return this builder
         */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = ChannelSettings.positiveMillis("lockTimeout", timeout);
            return this;
        }

        /**
         * Where this factory's sessions, flushes, queries and commits are observed (Micrometer's
         * Observation API, which Spring Boot's metrics and tracing consume): {@code valence.session},
         * {@code valence.flush} (rows and statements per table), {@code valence.query} and
         * {@code valence.commit}, each counting the statements it sent. Default: the noop registry,
         * which costs nothing.
         *
         * @param registry the registry, such as Spring Boot's {@code ObservationRegistry} bean
         * @return this builder
         */
        public Builder observationRegistry(ObservationRegistry registry) {
            this.observationRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Reads and validates every mapping now.
         *
         * @return the factory
         * @throws MappingException listing every problem of the model, each naming class, field and fix
         */
        public SessionFactory build() {
            return new DefaultSessionFactory(ChannelSettings.of(connectionFactory, acquireTimeout, statementTimeout,
                    lockTimeout), model.read(), observationRegistry);
        }
    }
}
