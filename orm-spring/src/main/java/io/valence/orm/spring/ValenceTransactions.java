package io.valence.orm.spring;

import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.reactive.Settled;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;

/**
 * The idiom for a session per request or per transaction in a WebFlux application: a handler
 * returns {@code transactions.inTransaction(session -> …)}, and the session lives exactly as long
 * as that Mono. Each call opens its own session (and, when it needs one, its own pooled
 * connection), so concurrent requests never share a session; within one request, run parallel work
 * through {@link #fanOut(List)}, never by zipping operations of one session.
 *
 * <p><b>Inside a Spring transaction</b> ({@code @Transactional}, {@code TransactionalOperator}, on
 * Spring's {@code R2dbcTransactionManager} over the same {@link ConnectionFactory}),
 * {@link #inTransaction} and {@link #withSession} join it instead: the work gets the transaction's
 * session ({@link #currentSession()}), which runs on the connection Spring bound, so Valence and
 * {@code DatabaseClient} commit or roll back together and each sees what the other wrote. That
 * session is flushed before Spring commits and closed when the transaction ends; Spring, not the
 * work, commits or rolls back. Fan-out branches always get sessions of their own, outside Spring's
 * transaction.
 *
 * <p>Every method delegates to the {@link SessionFactory}; nothing happens until the returned Mono
 * is subscribed, and cancelling it (a client that goes away) rolls back and releases the
 * connection (inside a Spring transaction: Spring does). A Valence exception leaves these Monos as
 * Spring's {@code DataAccessException} (see {@link ValenceExceptionTranslator}), with the Valence
 * exception as its cause; other errors pass unchanged.
 *
 * <pre>{@code
 * @PostMapping("/parents")
 * Mono<ParentView> create(@RequestBody NewParent request) {
 *     return transactions.inTransaction(session -> {
 *         Parent parent = new Parent(request.value());
 *         session.add(parent);
 *         // fromSupplier: the view is made after the flush, once the parent has its id
 *         return session.flush().then(Mono.fromSupplier(() -> ParentView.of(parent)));
 *     });
 * }
 * }</pre>
 */
public final class ValenceTransactions {
    private final SessionFactory sessionFactory;
    private final SpringTransactionSessions springSessions;
    private final ValenceExceptionTranslator translator;

    private ValenceTransactions(
            SessionFactory sessionFactory, ConnectionFactory connectionFactory, ValenceExceptionTranslator translator) {
        this.sessionFactory = sessionFactory;
        this.translator = translator;
        this.springSessions = new SpringTransactionSessions(sessionFactory, connectionFactory, translator);
    }

    /**
     * Wraps a factory, translating its exceptions with a {@link ValenceExceptionTranslator}.
     *
     * @param sessionFactory the factory whose sessions the methods open
     * @param connectionFactory the factory's connection factory, the one Spring's transaction
     *     manager binds connections of
     * @return the transactions of that factory
     */
    public static ValenceTransactions of(SessionFactory sessionFactory, ConnectionFactory connectionFactory) {
        return of(sessionFactory, connectionFactory, new ValenceExceptionTranslator());
    }

    /**
     * Wraps a factory, translating its exceptions with the given translator.
     *
     * @param sessionFactory the factory whose sessions the methods open
     * @param connectionFactory the factory's connection factory, the one Spring's transaction
     *     manager binds connections of
     * @param translator turns Valence's exceptions into Spring's
     * @return the transactions of that factory
     */
    public static ValenceTransactions of(
            SessionFactory sessionFactory, ConnectionFactory connectionFactory, ValenceExceptionTranslator translator) {
        return new ValenceTransactions(Objects.requireNonNull(sessionFactory, "sessionFactory"),
                Objects.requireNonNull(connectionFactory, "connectionFactory"),
                Objects.requireNonNull(translator, "translator"));
    }

    /**
     * Runs the work in a new session and commits when it succeeds; rolls back when it fails or is
     * cancelled. The session is closed in every case. See {@link SessionFactory#inTransaction}.
     * Inside a Spring transaction the work runs in that transaction's session instead, which is
     * flushed when the work succeeds; Spring commits.
     *
     * @param work the work, given its session
     * @param <T> the result type
     * @return a Mono of the work's result, emitted after COMMIT (after the flush inside a Spring
     *     transaction); it errors with the work's error or the commit's (a constraint violation
     *     found at flush becomes a {@code DuplicateKeyException}, for instance)
     */
    public <T> Mono<T> inTransaction(Function<ReactiveSession, Mono<T>> work) {
        return springSessions.current().flatMap(joined -> joined
                .map(session -> work.apply(session).flatMap(result -> session.flush().thenReturn(result))
                        .switchIfEmpty(session.flush().then(Mono.empty())))
                .orElseGet(() -> sessionFactory.inTransaction(work)))
                .onErrorMap(translator::translateIfValence);
    }

    /**
     * Runs the work in a new session that is closed when the work's Mono terminates or is
     * cancelled; what the work did not commit is rolled back. For reads, or work that commits by
     * itself. See {@link SessionFactory#withSession}. Inside a Spring transaction the work runs in
     * that transaction's session instead.
     *
     * @param work the work, given its session
     * @param <T> the result type
     * @return a Mono of the work's result
     */
    public <T> Mono<T> withSession(Function<ReactiveSession, Mono<T>> work) {
        return springSessions.current().flatMap(joined -> joined
                .map(work)
                .orElseGet(() -> sessionFactory.withSession(work)))
                .onErrorMap(translator::translateIfValence);
    }

    /**
     * The session of the Spring transaction the subscriber runs in: one per transaction, on the
     * connection Spring's transaction manager bound, flushed before Spring commits and closed when
     * the transaction ends. Do not commit, roll back or close it: Spring does.
     *
     * @return a Mono of the session; it fails with an {@code OrmException} when no Spring
     *     transaction is active
     */
    public Mono<ReactiveSession> currentSession() {
        return springSessions.required();
    }

    /**
     * Runs branches concurrently, each in its own session, connection and transaction; the first
     * failure cancels the others. See {@link SessionFactory#fanOut(List)}.
     *
     * @param branches the work of each branch
     * @param <T> the result type
     * @return a Mono of the results in branch order
     */
    public <T> Mono<List<T>> fanOut(List<Function<ReactiveSession, Mono<T>>> branches) {
        return sessionFactory.fanOut(branches).onErrorMap(translator::translateIfValence);
    }

    /**
     * Two branches of different types. See {@link SessionFactory#fanOut(Function, Function)}.
     *
     * @param a the first branch
     * @param b the second branch
     * @param <A> the first result type
     * @param <B> the second result type
     * @return a Mono of both results
     */
    public <A, B> Mono<Tuple2<A, B>> fanOut(
            Function<ReactiveSession, Mono<A>> a, Function<ReactiveSession, Mono<B>> b) {
        return sessionFactory.fanOut(a, b).onErrorMap(translator::translateIfValence);
    }

    /**
     * Three branches of different types. See {@link SessionFactory#fanOut(Function, Function, Function)}.
     *
     * @param a the first branch
     * @param b the second branch
     * @param c the third branch
     * @param <A> the first result type
     * @param <B> the second result type
     * @param <C> the third result type
     * @return a Mono of the three results
     */
    public <A, B, C> Mono<Tuple3<A, B, C>> fanOut(
            Function<ReactiveSession, Mono<A>> a,
            Function<ReactiveSession, Mono<B>> b,
            Function<ReactiveSession, Mono<C>> c) {
        return sessionFactory.fanOut(a, b, c).onErrorMap(translator::translateIfValence);
    }

    /**
     * Runs branches concurrently, each to its end, reporting every outcome. See
     * {@link SessionFactory#fanOutSettled(List)}.
     *
     * @param branches the work of each branch
     * @param <T> the result type
     * @return a Mono of each branch's outcome, in branch order
     */
    public <T> Mono<List<Settled<T>>> fanOutSettled(List<Function<ReactiveSession, Mono<T>>> branches) {
        return sessionFactory.fanOutSettled(branches).onErrorMap(translator::translateIfValence);
    }

    /**
     * The factory the sessions come from, for what this class does not offer ({@code openSession()},
     * {@code fanOutAtomic}, {@code schema()}).
     *
     * @return the factory
     */
    public SessionFactory sessionFactory() {
        return sessionFactory;
    }
}
