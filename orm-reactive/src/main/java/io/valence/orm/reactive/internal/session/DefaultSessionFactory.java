package io.valence.orm.reactive.internal.session;

import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.ConcurrentSessionUseException;
import io.valence.orm.OrmException;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.Schema;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.reactive.Settled;
import io.valence.orm.reactive.internal.connection.ChannelSettings;
import io.valence.orm.reactive.internal.fanout.FanOut;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;
import reactor.util.function.Tuples;

/** The factory: shares one set of {@link SessionServices} among all its sessions. */
public final class DefaultSessionFactory implements SessionFactory {
    private static final int CLOSE_RETRIES = 20;
    /** How closeWhenFree retries; immutable, so built once rather than per session. */
    private static final Retry CLOSE_RETRY = Retry.backoff(CLOSE_RETRIES, Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(50))
            .filter(ConcurrentSessionUseException.class::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    private final SessionServices services;
    private final Schema schema;
    private final FanOut fanOut;
    private volatile boolean closed;

    /**
     * @param channelSettings where sessions take connections, how long they wait, and their limits
     * @param metamodel the validated mappings
     * @param observationRegistry where sessions, flushes, queries and commits are observed
     */
    public DefaultSessionFactory(ChannelSettings channelSettings, Metamodel metamodel, ObservationRegistry observationRegistry) {
        this.services = SessionServices.create(channelSettings, metamodel, observationRegistry);
        this.schema = new DefaultSchema(services);
        this.fanOut = new FanOut(this, channelSettings.connectionFactory(), DefaultSessionFactory::closeWhenFree);
    }

    @Override
    public ReactiveSession openSession() {
        checkOpen();
        return new DefaultReactiveSession(services);
    }

    @Override
    public ReactiveSession openJoinedSession(ConnectionFactory transactionConnection) {
        Objects.requireNonNull(transactionConnection, "transactionConnection");
        checkOpen();
        return new DefaultReactiveSession(services.joining(transactionConnection));
    }

    private void checkOpen() {
        if (closed) {
            throw new OrmException("This SessionFactory is closed; build a new one to open sessions");
        }
    }

    @Override
    public <T> Mono<T> withSession(Function<ReactiveSession, Mono<T>> work) {
        return services.observations().session("withSession", inSession(work));
    }

    private <T> Mono<T> inSession(Function<ReactiveSession, Mono<T>> work) {
        return Mono.usingWhen(
                Mono.fromSupplier(this::openSession),
                work,
                DefaultSessionFactory::closeWhenFree,
                (session, error) -> closeWhenFree(session),
                DefaultSessionFactory::closeWhenFree);
    }

    /**
     * Closes a session this factory opened for some work. A cancel races with the work's next
     * operation: that operation can claim the session an instant before close() does and is
     * cancelled right after, so a close() rejected as concurrent use is retried for a moment instead
     * of leaving the session, and its connection, open. An operation that stays in flight (a stream
     * the work subscribed on its own and never consumed) still fails the close, with the guard's message.
     * The retry is built only once a close was rejected: it costs more than the close itself.
     */
    private static Mono<Void> closeWhenFree(ReactiveSession session) {
        return session.close()
                .onErrorResume(ConcurrentSessionUseException.class, busy -> session.close().retryWhen(CLOSE_RETRY));
    }

    @Override
    public <T> Mono<T> inTransaction(Function<ReactiveSession, Mono<T>> work) {
        return services.observations().session("inTransaction", inSession(session -> work.apply(session)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(result -> session.commit().then(Mono.justOrEmpty(result)))));
    }

    @Override
    public <T> Mono<List<T>> fanOut(List<Function<ReactiveSession, Mono<T>>> branches) {
        return fanOut.all(branches);
    }

    @Override
    public <A, B> Mono<Tuple2<A, B>> fanOut(Function<ReactiveSession, Mono<A>> a, Function<ReactiveSession, Mono<B>> b) {
        return fanOut.all(List.<Function<ReactiveSession, Mono<Object>>>of(widen(a), widen(b)))
                .map(results -> Tuples.of(cast(results.get(0)), cast(results.get(1))));
    }

    @Override
    public <A, B, C> Mono<Tuple3<A, B, C>> fanOut(
            Function<ReactiveSession, Mono<A>> a, Function<ReactiveSession, Mono<B>> b, Function<ReactiveSession, Mono<C>> c) {
        return fanOut.all(List.<Function<ReactiveSession, Mono<Object>>>of(widen(a), widen(b), widen(c)))
                .map(results -> Tuples.of(cast(results.get(0)), cast(results.get(1)), cast(results.get(2))));
    }

    @Override
    public <T> Mono<List<Settled<T>>> fanOutSettled(List<Function<ReactiveSession, Mono<T>>> branches) {
        return fanOut.settled(branches);
    }

    @Override
    public <T> Mono<List<T>> fanOutAtomic(List<Function<ReactiveSession, Mono<T>>> branches) {
        return fanOut.atomic(branches);
    }

    /** A typed branch as one of a list; a typed branch must emit a value, since a tuple holds no null. */
    private static <T> Function<ReactiveSession, Mono<Object>> widen(Function<ReactiveSession, Mono<T>> branch) {
        return session -> branch.apply(session)
                .<Object>map(value -> value)
                .switchIfEmpty(Mono.error(() -> new OrmException("A branch of a typed fanOut completed without a value;"
                        + " typed fan-outs return tuples, which cannot hold an empty result: emit a value, or use"
                        + " fanOut(List) which keeps null for empty branches")));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(() -> closed = true);
    }
}
