package io.valence.orm.reactive.internal.fanout;

import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.OrmException;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.reactive.Settled;
import io.valence.orm.reactive.internal.connection.PoolCapacity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs branches concurrently, each in its own session, connection and transaction. Branches are
 * all subscribed at once; a pool smaller than the fan-out makes them wait for connections in
 * turn, which never deadlocks because a branch holds one connection at most.
 */
public final class FanOut {
    private final SessionFactory factory;
    private final ConnectionFactory connectionFactory;

    /**
     * @param factory opens the branches' sessions
     * @param connectionFactory the factory's connections, asked for its size by {@link #atomic}
     */
    public FanOut(SessionFactory factory, ConnectionFactory connectionFactory) {
        this.factory = factory;
        this.connectionFactory = connectionFactory;
    }

    /**
     * TaskGroup semantics: each branch commits when it succeeds; the first failure cancels the
     * branches still running (rolling them back) and is raised with later errors suppressed.
     *
     * @param branches the work of each branch
     * @param <T> the result type
     * @return a Mono of the results in branch order ({@code null} for a branch that completed empty)
     */
    public <T> Mono<List<T>> all(List<Function<ReactiveSession, Mono<T>>> branches) {
        return Mono.defer(() -> {
            Object[] results = new Object[branches.size()];
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            return Flux.range(0, branches.size())
                    .flatMap(i -> factory.inTransaction(branches.get(i))
                            .doOnNext(value -> results[i] = value)
                            .doOnError(errors::add), Math.max(1, branches.size()))
                    .then(Mono.fromSupplier(() -> this.<T>inOrder(results)))
                    .onErrorMap(first -> withSuppressed(first, errors));
        });
    }

    /**
     * Gather with {@code return_exceptions=True}: every branch runs to its end and reports.
     *
     * @param branches the work of each branch
     * @param <T> the result type
     * @return a Mono of each branch's outcome in branch order; it never fails because of a branch
     */
    public <T> Mono<List<Settled<T>>> settled(List<Function<ReactiveSession, Mono<T>>> branches) {
        return Flux.range(0, branches.size())
                .flatMapSequential(i -> factory.inTransaction(branches.get(i))
                        .map(Settled::success)
                        .defaultIfEmpty(Settled.success(null))
                        .onErrorResume(error -> Mono.just(Settled.failure(error))), Math.max(1, branches.size()))
                .collectList();
    }

    /**
     * All or nothing: every branch's transaction stays open until all branches succeeded and
     * flushed, then all commit; any failure cancels the others and rolls every branch back. Needs one
     * connection per branch at the same time, checked before anything runs.
     *
     * @param branches the work of each branch
     * @param <T> the result type
     * @return a Mono of the results in branch order
     */
    public <T> Mono<List<T>> atomic(List<Function<ReactiveSession, Mono<T>>> branches) {
        return Mono.defer(() -> {
            checkCapacity(branches.size());
            List<ReactiveSession> sessions = new ArrayList<>();
            branches.forEach(branch -> sessions.add(factory.openSession()));
            Object[] results = new Object[branches.size()];
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            Mono<List<T>> work = Flux.range(0, branches.size())
                    .flatMap(i -> branches.get(i).apply(sessions.get(i))
                            .doOnNext(value -> results[i] = value)
                            .then(sessions.get(i).flush())
                            .doOnError(errors::add), Math.max(1, branches.size()))
                    // every branch flushed without error: only now does any of them commit
                    .thenMany(Flux.fromIterable(sessions).concatMap(ReactiveSession::commit))
                    .then(Mono.fromSupplier(() -> this.<T>inOrder(results)))
                    .onErrorMap(first -> withSuppressed(first, errors));
            return Mono.usingWhen(Mono.just(sessions), all -> work, FanOut::closeAll, (all, error) -> closeAll(all),
                    FanOut::closeAll);
        });
    }

    private void checkCapacity(int branches) {
        Optional<Integer> poolSize = PoolCapacity.maxSize(connectionFactory);
        if (poolSize.isPresent() && poolSize.get() < branches) {
            throw new OrmException("fanOutAtomic needs " + branches + " connections at the same time (each branch keeps"
                    + " its transaction open until all succeed), but the pool holds at most " + poolSize.get()
                    + ". Enlarge the pool, use fewer branches, or use fanOut(...) if each branch may commit on its own");
        }
    }

    private static Mono<Void> closeAll(List<ReactiveSession> sessions) {
        return Flux.fromIterable(sessions).flatMap(ReactiveSession::close).then();
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> inOrder(Object[] results) {
        return (List<T>) new ArrayList<>(Arrays.asList(results));
    }

    private static Throwable withSuppressed(Throwable first, List<Throwable> errors) {
        for (Throwable other : errors) {
            if (other != first) {
                first.addSuppressed(other);
            }
        }
        return first;
    }
}
