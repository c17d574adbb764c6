package io.valence.orm.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Subscribes several publishers at the same instant, each from its own thread, and reports how
 * each ended: the deterministic way to test what a session does when two operations really race
 * (as opposed to {@code Mono.zip}, which subscribes one after the other on one thread).
 *
 * <pre>{@code
 * ReactiveSession session = factory.openSession();
 * List<Race.Outcome> outcomes = Race.run(Duration.ofSeconds(5),
 *         session.get(Parent.class, 1L), session.get(Parent.class, 2L));
 * assertThat(outcomes).anySatisfy(outcome -> assertThat(outcome.isSuccess()).isTrue());
 * }</pre>
 *
 * <p>Each publisher gets a new platform thread; the threads wait at a barrier and are released
 * together, so the subscriptions start as close in time as the JVM allows. Every publisher is
 * requested without bound and its values are collected. {@link #run} blocks the calling thread
 * until every publisher completed or failed; it is meant for tests, not for production code.
 */
public final class Race {

    private Race() {}

    /**
     * Subscribes every publisher at the same instant and waits until all of them ended.
     *
     * @param timeout how long to wait for all of them to end
     * @param contenders the publishers, each subscribed once
     * @return each publisher's outcome, in the order of {@code contenders}
     * @throws AssertionError when a publisher neither completed nor failed within {@code timeout};
     *     the publishers still running are cancelled first
     */
    public static List<Outcome> run(Duration timeout, Publisher<?>... contenders) {
        return run(timeout, List.of(contenders));
    }

    /**
     * Subscribes every publisher at the same instant and waits until all of them ended.
     *
     * @param timeout how long to wait for all of them to end
     * @param contenders the publishers, each subscribed once
     * @return each publisher's outcome, in the order of {@code contenders}
     * @throws AssertionError when a publisher neither completed nor failed within {@code timeout};
     *     the publishers still running are cancelled first
     */
    public static List<Outcome> run(Duration timeout, List<? extends Publisher<?>> contenders) {
        if (contenders.isEmpty()) {
            throw new IllegalArgumentException("Race.run needs at least one publisher");
        }
        CyclicBarrier start = new CyclicBarrier(contenders.size());
        CountDownLatch ended = new CountDownLatch(contenders.size());
        List<Contender> running = new ArrayList<>();
        for (int i = 0; i < contenders.size(); i++) {
            Contender contender = new Contender(Objects.requireNonNull(contenders.get(i), "publisher"), ended);
            running.add(contender);
            Thread thread = new Thread(() -> contender.start(start, timeout), "valence-race-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        if (!awaitQuietly(ended, timeout)) {
            running.forEach(Contender::cancel);
            throw notEnded(running, timeout);
        }
        return running.stream().map(Contender::outcome).toList();
    }

    private static boolean awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The failure when publishers did not end in time, built in one place. */
    static AssertionError notEnded(List<Contender> contenders, Duration timeout) {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < contenders.size(); i++) {
            if (!contenders.get(i).ended()) {
                pending.add(i);
            }
        }
        return new AssertionError("Race: the publishers at positions " + pending + " neither completed nor failed within "
                + timeout.toMillis() + " ms, so they were cancelled. A publisher that waits for something another"
                + " holds (a connection, a lock, an unconsumed stream) never ends; consume or cancel what it waits for,"
                + " or give the race a longer timeout");
    }

    /**
     * How one publisher of a race ended.
     *
     * @param values the values it emitted, in order
     * @param error the error it failed with, or {@code null} when it completed
     */
    public record Outcome(List<Object> values, @Nullable Throwable error) {

        /**
         * Copies the values.
         *
         * @param values the values it emitted, in order
         * @param error the error it failed with, or {@code null} when it completed
         */
        public Outcome {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /**
         * Whether the publisher completed.
         *
         * @return {@code true} when it completed, {@code false} when it failed
         */
        public boolean isSuccess() {
            return error == null;
        }

        /**
         * The first value emitted: for a {@code Mono}, its value.
         *
         * @return the first value, or {@code null} when it emitted none
         */
        public @Nullable Object value() {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /** One publisher of a race: subscribed on its own thread once the barrier opens. */
    static final class Contender implements Subscriber<Object> {
        private final Publisher<?> publisher;
        private final CountDownLatch ended;
        private final List<Object> values = Collections.synchronizedList(new ArrayList<>());
        private final AtomicReference<@Nullable Subscription> subscription = new AtomicReference<>();
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile @Nullable Throwable error;
        private volatile boolean cancelled;

        Contender(Publisher<?> publisher, CountDownLatch ended) {
            this.publisher = publisher;
            this.ended = ended;
        }

        void start(CyclicBarrier barrier, Duration timeout) {
            try {
                barrier.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                onError(new IllegalStateException("Race: this publisher's thread could not start with the others", e));
                return;
            }
            publisher.subscribe(this);
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription.set(s);
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(Object value) {
            values.add(value);
        }

        @Override
        public void onError(Throwable failure) {
            error = failure;
            end();
        }

        @Override
        public void onComplete() {
            end();
        }

        private void end() {
            if (done.getCount() > 0) {
                done.countDown();
                ended.countDown();
            }
        }

        boolean ended() {
            return done.getCount() == 0;
        }

        void cancel() {
            cancelled = true;
            Subscription current = subscription.get();
            if (current != null) {
                current.cancel();
            }
        }

        Outcome outcome() {
            synchronized (values) {
                return new Outcome(values, error);
            }
        }
    }
}
