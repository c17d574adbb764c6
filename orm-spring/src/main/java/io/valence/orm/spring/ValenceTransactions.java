package io.valence.orm.spring;

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
 * <p>Every method delegates to the {@link SessionFactory}; nothing happens until the returned Mono
 * is subscribed, and cancelling it (a client that goes away) rolls back and releases the
 * connection. A Valence exception leaves these Monos as Spring's {@code DataAccessException} (see
 * {@link ValenceExceptionTranslator}), with the Valence exception as its cause; other errors pass
 * unchanged. Spring's {@code @Transactional} and {@code ReactiveTransactionManager} do not apply
 * to Valence sessions: a session owns its connection and its transaction (see docs/spring.md).
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
    private final ValenceExceptionTranslator translator;

    private ValenceTransactions(SessionFactory sessionFactory, ValenceExceptionTranslator translator) {
        this.sessionFactory = sessionFactory;
        this.translator = translator;
    }

    /**
     * Wraps a factory, translating its exceptions with a {@link ValenceExceptionTranslator}.
     *
     * @param sessionFactory the factory whose sessions the methods open
     * @return the transactions of that factory
     */
    public static ValenceTransactions of(SessionFactory sessionFactory) {
        return of(sessionFactory, new ValenceExceptionTranslator());
    }

    /**
     * Wraps a factory, translating its exceptions with the given translator.
     *
     * @param sessionFactory the factory whose sessions the methods open
     * @param translator turns Valence's exceptions into Spring's
     * @return the transactions of that factory
     */
    public static ValenceTransactions of(SessionFactory sessionFactory, ValenceExceptionTranslator translator) {
        return new ValenceTransactions(Objects.requireNonNull(sessionFactory, "sessionFactory"),
                Objects.requireNonNull(translator, "translator"));
    }

    /**
     * Runs the work in a new session and commits when it succeeds; rolls back when it fails or is
     * cancelled. The session is closed in every case. See {@link SessionFactory#inTransaction}.
     *
     * @param work the work, given its own session
     * @param <T> the result type
     * @return a Mono of the work's result, emitted after COMMIT; it errors with the work's error or
     *     the commit's (a unique violation found at flush becomes a {@code DuplicateKeyException}, for
     *     instance)
     */
    public <T> Mono<T> inTransaction(Function<ReactiveSession, Mono<T>> work) {
        return sessionFactory.inTransaction(work).onErrorMap(translator::translateIfValence);
    }

    /**
     * Runs the work in a new session that is closed when the work's Mono terminates or is
     * cancelled; what the work did not commit is rolled back. For reads, or work that commits by
     * itself. See {@link SessionFactory#withSession}.
     *
     * @param work the work, given its own session
     * @param <T> the result type
     * @return a Mono of the work's result
     */
    public <T> Mono<T> withSession(Function<ReactiveSession, Mono<T>> work) {
        return sessionFactory.withSession(work).onErrorMap(translator::translateIfValence);
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
     * @return a Mono of each branch's outcome, in branch order; a failed branch's {@link Settled#error()}
     *     is Valence's own exception, untranslated
     */
    public <T> Mono<List<Settled<T>>> fanOutSettled(List<Function<ReactiveSession, Mono<T>>> branches) {
        return sessionFactory.fanOutSettled(branches);
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
