package io.valence.orm.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Keeps an operation in flight until the test lets it go: subscribes a publisher (typically a
 * session's query stream) with a demand of one element, so the stream has started, holds its
 * session and connection, and cannot finish until {@link #release} asks for the rest or
 * {@link #cancel} ends it. This makes "a second operation while the first is in flight" a
 * deterministic test instead of a timing accident:
 *
 * <pre>{@code
 * HeldOperation<Parent> held = HeldOperation.hold(session.scalars(Select.from(Parent.class)));
 * held.awaitFirst(Duration.ofSeconds(5));                // the query runs and holds the session
 * StepVerifier.create(session.get(Parent.class, 1L))
 *         .expectError(ConcurrentSessionUseException.class).verify(Duration.ofSeconds(5));
 * List<Parent> all = held.release(Duration.ofSeconds(5)); // every row, the first included
 * }</pre>
 *
 * <p>Holding works for streams; a {@code Mono} completes as soon as it has its value. The
 * waiting methods block the calling thread and are meant for tests. Thread-safe.
 *
 * @param <T> the element type
 */
public final class HeldOperation<T> {
    private final Publisher<T> operation;
    private final List<T> values = new ArrayList<>();
    private final AtomicReference<@Nullable Subscription> subscription = new AtomicReference<>();
    private final CountDownLatch first = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile @Nullable Throwable error;

    private HeldOperation(Publisher<T> operation) {
        this.operation = operation;
    }

    /**
     * Subscribes the operation now, requesting one element.
     *
     * @param operation the publisher to hold, subscribed once
     * @param <T> the element type
     * @return the held operation
     */
    public static <T> HeldOperation<T> hold(Publisher<T> operation) {
        HeldOperation<T> held = new HeldOperation<>(operation);
        operation.subscribe(held.new Holder());
        return held;
    }

    /**
     * Waits for the first element: once it is here, the operation surely runs (for a session, it
     * holds the session and its connection).
     *
     * @param timeout how long to wait
     * @return the first element
     * @throws AssertionError when the operation ended without an element, failed, or sent nothing
     *     within {@code timeout}
     */
    public T awaitFirst(Duration timeout) {
        if (!await(first, timeout)) {
            throw new AssertionError("HeldOperation: " + operation + " emitted no element within " + timeout.toMillis()
                    + " ms; is it waiting for something another operation holds?");
        }
        synchronized (values) {
            if (!values.isEmpty()) {
                return values.get(0);
            }
        }
        Throwable failure = error;
        throw new AssertionError("HeldOperation: " + operation + " ended before its first element"
                + (failure == null ? " (it was empty)" : ", failing with " + failure), failure);
    }

    /**
     * Lets the operation go: requests every remaining element and waits until it ends.
     *
     * @param timeout how long to wait for the end
     * @return every element it emitted, the held one included, in order
     * @throws AssertionError when the operation failed (the failure is the cause) or did not end
     *     within {@code timeout}
     */
    public List<T> release(Duration timeout) {
        Subscription current = subscription.get();
        if (current != null) {
            current.request(Long.MAX_VALUE);
        }
        if (!await(ended, timeout)) {
            throw new AssertionError("HeldOperation: " + operation + " did not end within " + timeout.toMillis()
                    + " ms after it was released");
        }
        Throwable failure = error;
        if (failure != null) {
            throw new AssertionError("HeldOperation: " + operation + " failed: " + failure, failure);
        }
        return values();
    }

    /** Cancels the operation, as a consumer that stops reading does. */
    public void cancel() {
        Subscription current = subscription.get();
        if (current != null) {
            current.cancel();
        }
        ended.countDown();
    }

    /**
     * Whether the operation completed, failed or was cancelled.
     *
     * @return {@code true} once it ended
     */
    public boolean isEnded() {
        return ended.getCount() == 0;
    }

    /**
     * The elements received so far.
     *
     * @return a snapshot, in order
     */
    public List<T> values() {
        synchronized (values) {
            return List.copyOf(values);
        }
    }

    private static boolean await(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The subscriber that holds the demand at one until released. */
    private final class Holder implements Subscriber<T> {
        @Override
        public void onSubscribe(Subscription s) {
            subscription.set(s);
            s.request(1);
        }

        @Override
        public void onNext(T value) {
            synchronized (values) {
                values.add(value);
            }
            first.countDown();
        }

        @Override
        public void onError(Throwable failure) {
            error = failure;
            ended.countDown();
            first.countDown();
        }

        @Override
        public void onComplete() {
            ended.countDown();
            first.countDown();
        }
    }
}
