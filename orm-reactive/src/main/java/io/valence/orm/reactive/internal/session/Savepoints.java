package io.valence.orm.reactive.internal.session;

import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.reactive.ReactiveSession;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * {@code nested()}: work inside a SAVEPOINT, released when the work succeeds (its changes flushed
 * first) and rolled back to when it fails, which undoes only the work's part, in the database and
 * in the unit of work. Also names the savepoints other parts take (get-or-create's insert).
 */
final class Savepoints {
    private final UnitOfWork unitOfWork;
    private final OperationRunner runner;
    private final TransactionState state;
    private final SessionFlush flush;
    private int taken;

    Savepoints(UnitOfWork unitOfWork, OperationRunner runner, TransactionState state, SessionFlush flush) {
        this.unitOfWork = unitOfWork;
        this.runner = runner;
        this.state = state;
        this.flush = flush;
    }

    /** A savepoint name unique in this session; Valence's own, never user input. */
    String nextName() {
        return "valence_savepoint_" + (++taken);
    }

    <T> Mono<T> nested(ReactiveSession session, Function<ReactiveSession, Mono<T>> work) {
        return Mono.defer(() -> {
            String name = nextName();
            UnitOfWork.Savepoint[] mark = new UnitOfWork.Savepoint[1];
            Mono<Void> begin = runner.mono("nested()", operation -> operation.afterFlush(
                    () -> operation.channel().savepoint(name).doOnSuccess(done -> {
                        mark[0] = unitOfWork.savepoint();
                        state.enteredSavepoint();
                    })));
            // the usable check matters here: work that swallowed a database error still left the transaction aborted
            Mono<Void> release = runner.mono("nested()", operation -> operation.afterFlush(
                    () -> operation.channel().releaseSavepoint(name).doOnSuccess(done -> state.leftSavepoint())));
            // The work is applied only once the SAVEPOINT exists: what it adds or changes synchronously
            // must fall after the savepoint's mark, or a failure could not undo it.
            return begin.then(Mono.defer(() -> work.apply(session))
                            .map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .flatMap(result -> release.then(Mono.justOrEmpty(result)))
                            .onErrorResume(error -> mark[0] == null ? Mono.error(error)
                                    : rollbackTo(name, mark[0]).then(Mono.error(error))))
                    // cancelled between SAVEPOINT and its release or rollback: the work's part is in doubt
                    .doOnCancel(() -> {
                        if (mark[0] != null && state.savepointDepth() > 0) {
                            state.inDoubt("nested()");
                        }
                    });
        });
    }

    /** Rolls back to the savepoint, which recovers a transaction the nested work's failure aborted. */
    private Mono<Void> rollbackTo(String name, UnitOfWork.Savepoint mark) {
        return runner.control("nested()", operation -> operation.channel().rollbackToSavepoint(name)
                .doOnSuccess(done -> {
                    unitOfWork.rolledBackTo(mark);
                    state.leftSavepoint();
                    flush.discard();
                    state.recovered();
                }));
    }
}
