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
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs branches concurrently, each in its own session, connection and transaction. Branches are
 * all subscribed at once; a pool smaller than the fan-out makes them wait for connections in
 * turn, which never deadlocks because a branch holds one connection at most. The fan-out is
 * structured: it ends (with its result or its first error) only after every branch ended and its
 * session was closed, so no branch outlives it and no connection is still held when it reports.
 */
public final class FanOut {
    private final SessionFactory factory;
    private final ConnectionFactory connectionFactory;
    private final Function<ReactiveSession, Mono<Void>> closer;

    /**
     * @param factory opens the branches' sessions
     * @param connectionFactory the factory's connections, asked for its size by {@link #atomic}
     * @param closer closes a branch's session, also right after its work was cancelled
     */
    public FanOut(SessionFactory factory, ConnectionFactory connectionFactory, Function<ReactiveSession, Mono<Void>> closer) {
        this.factory = factory;
        this.connectionFactory = connectionFactory;
        this.closer = closer;
    }

    /**
     * TaskGroup semantics: each branch commits when it succeeds; the first failure cancels the
     * branches still running (rolling them back) and is raised, once they all ended, with the
     * failures of the others suppressed. Cancelling the returned Mono cancels every branch, whose
     * sessions then roll back and close.
     *
     * @param branches the work of each branch
     * @param <T> the result type
     * @return a Mono of the results in branch order ({@code null} for a branch that completed empty)
     */
    public <T> Mono<List<T>> all(List<Function<ReactiveSession, Mono<T>>> branches) {
        return Mono.defer(() -> {
            Object[] results = new Object[branches.size()];
            BranchFailures failures = new BranchFailures();
            return Flux.range(0, branches.size())
                    .flatMap(i -> committed(branches.get(i), failures)
                            .doOnNext(value -> results[i] = value.orElse(null)), Math.max(1, branches.size()))
                    .then(Mono.defer(() -> outcome(failures, results)));
        });
    }

    /**
     * One branch of {@link #all}: its work and COMMIT in its own session, stopped by the first
     * failure of any branch. It never fails: its failure goes to {@code failures}. It completes only
     * after its session closed, which rolls back whatever a stopped branch had not committed.
     */
    private <T> Mono<Optional<T>> committed(Function<ReactiveSession, Mono<T>> work, BranchFailures failures) {
        return Mono.usingWhen(
                        Mono.fromSupplier(factory::openSession),
                        session -> Mono.defer(() -> work.apply(session))
                                .map(Optional::of)
                                .defaultIfEmpty(Optional.empty())
                                .flatMap(result -> session.commit().thenReturn(result))
                                .onErrorResume(error -> failed(failures, error))
                                .takeUntilOther(failures.stopped()),
                        closer,
                        (session, error) -> closer.apply(session),
                        closer)
                .onErrorResume(error -> failed(failures, error));
    }

    private static <T> Mono<T> failed(BranchFailures failures, Throwable error) {
        failures.record(error);
        return Mono.empty();
    }

    private <T> Mono<List<T>> outcome(BranchFailures failures, Object[] results) {
        Throwable first = failures.first();
        return first != null ? Mono.error(first) : Mono.just(inOrder(results));
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
     * flushed, then all commit; any failure stops the others and rolls every branch back, and is
     * raised with the others' failures suppressed once every session closed. Needs one connection
     * per branch at the same time, checked before anything runs.
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
            BranchFailures failures = new BranchFailures();
            Mono<List<T>> work = Flux.range(0, branches.size())
                    .flatMap(i -> Mono.defer(() -> branches.get(i).apply(sessions.get(i)))
                            .doOnNext(value -> results[i] = value)
                            .then(sessions.get(i).flush())
                            .onErrorResume(error -> failed(failures, error))
                            .takeUntilOther(failures.stopped()), Math.max(1, branches.size()))
                    // every branch flushed without error: only now does any of them commit
                    .then(Mono.defer(() -> failures.first() != null ? Mono.error(failures.first())
                            : Flux.fromIterable(sessions).concatMap(ReactiveSession::commit).then()))
                    .then(Mono.fromSupplier(() -> this.<T>inOrder(results)));
            return Mono.usingWhen(Mono.just(sessions), all -> work, this::closeAll, (all, error) -> closeAll(all),
                    this::closeAll);
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

    private Mono<Void> closeAll(List<ReactiveSession> sessions) {
        return Flux.fromIterable(sessions).flatMap(closer).then();
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> inOrder(Object[] results) {
        return (List<T>) new ArrayList<>(Arrays.asList(results));
    }
}
