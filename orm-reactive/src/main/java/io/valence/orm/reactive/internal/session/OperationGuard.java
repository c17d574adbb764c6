package io.valence.orm.reactive.internal.session;

import io.valence.orm.ConcurrentSessionUseException;
import io.valence.orm.reactive.internal.execution.Relay;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * Lets one operation at a time use a session. An operation claims the session when it is
 * subscribed and releases it when it emits its result, terminates or is cancelled; a claim while
 * another is held fails at once with {@link ConcurrentSessionUseException}, leaving the holder
 * undisturbed. The claim is a compare-and-set, so it is lock-free and correct across threads.
 *
 * <p>Every operation releases just before its value, completion or error goes downstream, so
 * sequential chains ({@code session.get(…).flatMap(x -> session.get(…))},
 * {@code scalars(…).collectList().flatMap(…)}, {@code onErrorResume(e -> session.rollback())}) run in
 * turn and are never rejected. A release is tied to its own claim (compare-and-set on the claim
 * object), so a late signal of a finished operation never frees the next holder. Why it works this
 * way is in {@code docs/concurrency.md}.
 *
 * <p>A cancel is decided here too, on the cancelling thread and before the release: a write the
 * claim has in flight is reported in doubt, and no write starts under a cancelled claim. Reactor may
 * hand the cancel to a statement subscribed a moment later on the driver's thread; without this,
 * the next operation could run before the session knew the cancelled one had begun writing.
 */
final class OperationGuard {
    private final AtomicReference<Claim> holder = new AtomicReference<>();
    private final BooleanSupplier provisioning;
    private final Consumer<String> cancelledWrite;

    /** One claim of the session; {@code activity} says what the holder is doing, for messages. */
    static final class Claim {
        private volatile String activity;
        /** The thread handing a stream's element to its subscriber right now, or {@code null}. */
        private volatile Thread delivering;
        /** The write in flight under this claim, or null; guarded by this claim. */
        private String write;
        /** Set once when the claim is cancelled; guarded by this claim. */
        private boolean cancelled;

        private Claim(String operation) {
            this.activity = operation;
        }

        void activity(String activity) {
            this.activity = activity;
        }

        /**
         * Marks a write (a flush's statements, COMMIT, a bulk statement) as started.
         *
         * @param write the write, for the in-doubt message
         * @return false when the claim was cancelled already: the write must not start
         */
        synchronized boolean beginWrite(String write) {
            if (cancelled) {
                return false;
            }
            this.write = write;
            return true;
        }

        /** The write ended (completed or failed): a cancel from now on leaves nothing in doubt. */
        synchronized void endWrite() {
            write = null;
        }

        /** Cancels the claim and returns the write it had in flight, or null. */
        private synchronized String cancel() {
            cancelled = true;
            return write;
        }
    }

    /**
     * @param provisioning tells whether the session is acquiring its connection right now
     * @param cancelledWrite told, before the release, the write a cancelled operation had in flight
     */
    OperationGuard(BooleanSupplier provisioning, Consumer<String> cancelledWrite) {
        this.provisioning = provisioning;
        this.cancelledWrite = cancelledWrite;
    }

    /**
     * An operation returning one value: claims at subscription, releases just before its value,
     * completion or error goes downstream, or at cancellation.
     *
     * @param operation the operation's name, for messages
     * @param body builds the operation's work; may throw, which fails the operation and releases
     * @param <T> the value type
     * @return the guarded operation
     */
    <T> Mono<T> mono(String operation, Function<Claim, Mono<T>> body) {
        return new Mono<>() {
            @Override
            public void subscribe(CoreSubscriber<? super T> actual) {
                subscribeGuarded(actual, operation, body, false);
            }
        };
    }

    /**
     * Claims the session for one subscription and runs the operation's body under the claim. One
     * step instead of deferring and lifting: every session operation passes here, and
     * {@code Operators.lift} alone builds a name string per subscription.
     */
    private <T> void subscribeGuarded(
            CoreSubscriber<? super T> actual, String operation, Function<Claim, ? extends Publisher<T>> body, boolean stream) {
        Claim claim;
        try {
            claim = claim(operation);
        } catch (ConcurrentSessionUseException rejected) {
            Operators.error(actual, rejected);
            return;
        }
        Publisher<T> work;
        try {
            work = Objects.requireNonNull(body.apply(claim), "a session operation's body returned null");
        } catch (Throwable failed) {
            // a body that throws (checkUsable(), an argument check) fails the operation and must release
            release(claim);
            Operators.error(actual, Operators.onOperatorError(failed, actual.currentContext()));
            return;
        }
        work.subscribe(new ClaimHolder<>(actual, claim, stream));
    }

    /**
     * Holds an operation's claim and releases it just before its completion or error goes
     * downstream, or when it is cancelled. A one-value operation also releases just before its
     * value; a stream keeps the claim and marks the thread that hands an element to the subscriber,
     * for as long as the subscriber's {@code onNext} runs, so that bookkeeping done there is not
     * taken for concurrent use. One subscriber instead of a chain of peek operators, as every
     * session operation passes through it.
     */
    private final class ClaimHolder<T> extends Relay<T> {
        private final Claim claim;
        private final boolean stream;

        ClaimHolder(CoreSubscriber<? super T> actual, Claim claim, boolean stream) {
            super(actual);
            this.claim = claim;
            this.stream = stream;
        }

        @Override
        public void onNext(T value) {
            if (!stream) {
                release(claim);
                actual.onNext(value);
                return;
            }
            claim.delivering = Thread.currentThread();
            try {
                actual.onNext(value);
            } finally {
                claim.delivering = null;
            }
        }

        @Override
        public void onError(Throwable error) {
            release(claim);
            actual.onError(error);
        }

        @Override
        public void onComplete() {
            release(claim);
            actual.onComplete();
        }

        @Override
        public void cancel() {
            // the cancel first reaches the work, which waits for a row being loaded: only then may
            // another operation read the unit of work
            String write = claim.cancel();
            try {
                super.cancel();
            } finally {
                if (write != null) {
                    cancelledWrite.accept(write);
                }
                release(claim);
            }
        }
    }

    /**
     * A streaming operation: claims at subscription and holds the session until the stream
     * completes, fails or is cancelled (an unconsumed stream keeps the connection busy).
     *
     * @param operation the operation's name, for messages
     * @param body builds the stream; may throw, which fails the operation and releases
     * @param <T> the element type
     * @return the guarded stream
     */
    <T> Flux<T> flux(String operation, Function<Claim, Flux<T>> body) {
        return new Flux<>() {
            @Override
            public void subscribe(CoreSubscriber<? super T> actual) {
                subscribeGuarded(actual, operation, body, true);
            }
        };
    }

    /**
     * Runs a bookkeeping call (add, delete, …) holding the session for its duration, so that two
     * threads never change the unit of work at once: a call while another operation or call is in
     * flight fails, except from a stream's own subscriber while it handles an element:
     * {@code scalars(q).doOnNext(session::expunge)} is sequential (as a synchronous call inside
     * SQLAlchemy's {@code async for} is), while the same call from another task is not.
     *
     * @param operation the call, for the message
     * @param change the bookkeeping
     */
    void exclusive(String operation, Runnable change) {
        Claim current = holder.get();
        if (current != null && current.delivering == Thread.currentThread()) {
            change.run();
            return;
        }
        Claim claim = claim(operation);
        try {
            change.run();
        } finally {
            release(claim);
        }
    }

    private Claim claim(String operation) {
        Claim claim = new Claim(operation);
        if (!holder.compareAndSet(null, claim)) {
            Claim current = holder.get();
            throw rejection(operation, current);
        }
        return claim;
    }

    private void release(Claim claim) {
        holder.compareAndSet(claim, null);
    }

    private ConcurrentSessionUseException rejection(String operation, Claim current) {
        String advice = " Use a separate session for each concurrent task, for example SessionFactory.fanOut(...)."
                + " (" + operation + " was rejected.)";
        if (provisioning.getAsBoolean()) {
            return new ConcurrentSessionUseException(
                    "This session is provisioning a new connection; concurrent operations are not permitted." + advice);
        }
        String activity = current == null ? "another operation" : current.activity;
        return new ConcurrentSessionUseException("This session is busy with another operation (" + activity
                + "); concurrent operations are not permitted." + advice);
    }
}
