package io.valence.orm.reactive.internal.session;

import io.valence.orm.CallbackSessionUseException;
import io.valence.orm.TransactionOutcomeUnknownException;
import io.valence.orm.reactive.internal.connection.TransactionChannel;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs every operation of a session through one sequence: claim the guard, check that the
 * transaction accepts work, run the body (which may ask for an autoflush), and when the database
 * fails it, mark the transaction for rollback (and roll it back at once outside a savepoint); a
 * write (flush, COMMIT, bulk DML) cancelled while it runs leaves the transaction in doubt.
 * Bookkeeping calls ({@code add}, {@code delete}, …) claim the guard too. Feature parts never
 * touch the guard, the transaction state or the failure handling themselves, so no operation can
 * drift from the others.
 */
final class OperationRunner {
    private final OperationGuard guard;
    private final TransactionState state;
    private final TransactionChannel channel;
    private final SessionFlush flush;
    /** The lifecycle callback running now (the session may not be used from inside one), else null. */
    private final Supplier<String> runningCallback;

    OperationRunner(OperationGuard guard, TransactionState state, TransactionChannel channel, SessionFlush flush,
            Supplier<String> runningCallback) {
        this.guard = guard;
        this.state = state;
        this.channel = channel;
        this.flush = flush;
        this.runningCallback = runningCallback;
    }

    /** One running operation, as its body sees it. */
    final class Operation {
        private final OperationGuard.Claim claim;
        private final String name;

        private Operation(OperationGuard.Claim claim, String name) {
            this.claim = claim;
            this.name = name;
        }

        /** @return the session's channel, for the body's statements */
        TransactionChannel channel() {
            return channel;
        }

        /**
         * {@code next}, after what is pending was sent (autoflush). A failed flush rolls the
         * transaction back; a cancelled one leaves it in doubt.
         */
        <T> Mono<T> afterFlush(Supplier<Mono<T>> next) {
            Mono<Void> pending = flush.pending();
            if (pending == null) {
                return next.get();
            }
            claim.activity("flush() started by " + name);
            return flushing(pending).then(Mono.defer(() -> {
                claim.activity(name);
                return next.get();
            }));
        }

        /** Like {@link #afterFlush(Supplier)} for a stream. */
        <T> Flux<T> afterFlushMany(Supplier<Flux<T>> next) {
            Mono<Void> pending = flush.pending();
            return pending == null ? next.get() : flushing(pending).thenMany(Flux.defer(next));
        }

        /** Sends what is pending even when nothing is (for {@code flush()} itself). */
        Mono<Void> flushNow() {
            Mono<Void> pending = flush.pending();
            return pending == null ? Mono.empty() : flushing(pending);
        }

        /**
         * {@code work} as a write of this operation: cancelled while it runs, it leaves the
         * transaction in doubt (the guard marks it before the session is free again); after the
         * operation was cancelled, it does not start.
         */
        <T> Mono<T> write(String write, Mono<T> work) {
            return Mono.defer(() -> claim.beginWrite(write) ? work.doOnTerminate(claim::endWrite) : Mono.empty());
        }

        /** A flush whose failure rolls the transaction back. */
        private Mono<Void> flushing(Mono<Void> pending) {
            return write("flush()", pending.onErrorResume(error -> fail("flush()", error)));
        }

        /** Sets what the operation is doing, for the guard's messages. */
        void activity(String activity) {
            claim.activity(activity);
        }
    }

    /**
     * An operation emitting at most one value.
     *
     * @param name the operation, for messages
     * @param body builds the work; runs at subscription under the claim, after the usable check
     */
    <T> Mono<T> mono(String name, Function<Operation, Mono<T>> body) {
        CallbackSessionUseException refused = refusedInCallback(name);
        if (refused != null) {
            return Mono.error(refused);
        }
        return guard.mono(name, claim -> {
            state.checkUsable();
            return body.apply(new Operation(claim, name))
                    .onErrorResume(error -> channel.isAborted(), error -> fail(name, error));
        });
    }

    /** Like {@link #mono(String, Function)} for a stream, which holds the claim until it ends. */
    <T> Flux<T> flux(String name, Function<Operation, Flux<T>> body) {
        CallbackSessionUseException refused = refusedInCallback(name);
        if (refused != null) {
            return Flux.error(refused);
        }
        return guard.flux(name, claim -> {
            state.checkUsable();
            return body.apply(new Operation(claim, name))
                    .onErrorResume(error -> channel.isAborted(), error -> fail(name, error));
        });
    }

    /**
     * An operation that ends or inspects the transaction itself (commit's COMMIT, rollback, close):
     * claimed like any other, but it handles its own failures and checks.
     */
    <T> Mono<T> control(String name, Function<Operation, Mono<T>> body) {
        CallbackSessionUseException refused = refusedInCallback(name);
        if (refused != null) {
            return Mono.error(refused);
        }
        return guard.mono(name, claim -> body.apply(new Operation(claim, name)));
    }

    /**
     * A bookkeeping call with no I/O, run under the guard so that two threads never change the
     * unit of work at once: a call while another operation is in flight fails with
     * {@code ConcurrentSessionUseException}.
     */
    void bookkeeping(String name, Runnable change) {
        CallbackSessionUseException refused = refusedInCallback(name);
        if (refused != null) {
            throw refused;
        }
        guard.exclusive(name, () -> {
            state.checkUsable();
            change.run();
        });
    }

    /** The error for an operation called from inside a lifecycle callback, or null outside one. */
    private CallbackSessionUseException refusedInCallback(String name) {
        String callback = runningCallback.get();
        return callback == null ? null : CallbackSessionUseException.inside(name, callback);
    }

    /**
     * Marks the transaction as failed by {@code operation} and re-emits the error; outside a
     * savepoint the transaction is rolled back at once, which also gives the connection back.
     */
    <T> Mono<T> fail(String operation, Throwable error) {
        if (state.isFailedBy(error)) {
            return Mono.error(error); // an autoflush inside the operation failed it already
        }
        state.failed(operation, error);
        return state.savepointDepth() > 0 ? Mono.error(error) : channel.rollback().then(Mono.error(error));
    }

    /**
     * The connection broke while COMMIT was in flight: the session reports the unknown outcome
     * until {@code rollback()}, and the broken connection is given back at once.
     */
    <T> Mono<T> outcomeUnknown(TransactionOutcomeUnknownException unknown) {
        state.outcomeUnknown(unknown);
        return channel.rollback().then(Mono.error(unknown));
    }
}
