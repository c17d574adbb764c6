package io.valence.orm.reactive.internal.connection;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.valence.orm.reactive.internal.execution.Relay;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * A result of a statement sent right behind BEGIN: reading it subscribes the real result at once
 * (which sends the statement), and its rows and counts follow BEGIN's success.
 */
final class PipelinedResult implements Result {
    private final Result result;
    private final LeasedConnection lease;
    private final Mono<Void> began;

    /**
     * @param result the statement's real result
     * @param lease the lease whose BEGIN went out just before the statement
     * @param began BEGIN's outcome
     */
    PipelinedResult(Result result, LeasedConnection lease, Mono<Void> began) {
        this.result = result;
        this.lease = lease;
        this.began = began;
    }

    @Override
    public Publisher<Long> getRowsUpdated() {
        return afterBegin(result.getRowsUpdated());
    }

    @Override
    public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mappingFunction) {
        return afterBegin(result.map(mappingFunction));
    }

    @Override
    public <T> Publisher<T> map(Function<? super Readable, ? extends T> mappingFunction) {
        return afterBegin(result.map(mappingFunction));
    }

    @Override
    public Result filter(Predicate<Segment> filter) {
        return new PipelinedResult(result.filter(filter), lease, began);
    }

    @Override
    public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mappingFunction) {
        return afterBegin(result.flatMap(mappingFunction));
    }

    /**
     * Subscribes {@code signals} now and relays them with exactly the subscriber's demand: no row
     * is read ahead of it, since reading a row is what loads an object into the session, and
     * one read ahead would still be loading on the driver's thread after the operation was
     * cancelled, while the session's next operation reads the unit of work. Rows need not wait
     * for BEGIN: the driver reads answers in order, so BEGIN's has been read before the
     * statement's first row. If BEGIN failed, rows are refused and the outcome is BEGIN's error.
     */
    private <T> Flux<T> afterBegin(Publisher<? extends T> signals) {
        return new Flux<>() {
            @Override
            public void subscribe(CoreSubscriber<? super T> actual) {
                signals.subscribe(new BegunRelay<T>(actual, lease, began));
            }
        };
    }

    /**
     * Relays a pipelined statement's signals (see {@link PipelinedResult}); its end waits for BEGIN's
     * outcome, which it almost always finds already there. One subscriber instead of a chain of
     * operators, as the first statement of every transaction passes through it.
     */
    private static final class BegunRelay<T> extends Relay<T> {
        private final LeasedConnection lease;
        private final Mono<Void> began;
        private boolean done;
        private volatile Disposable waiting;

        BegunRelay(CoreSubscriber<? super T> actual, LeasedConnection lease, Mono<Void> began) {
            super(actual);
            this.lease = lease;
            this.began = began;
        }

        @Override
        public void onNext(T value) {
            if (done) {
                Operators.onNextDropped(value, actual.currentContext());
                return;
            }
            Throwable failed = lease.beginError();
            if (failed == null) {
                actual.onNext(value);
                return;
            }
            done = true;
            super.cancel();
            actual.onError(failed);
        }

        @Override
        public void onError(Throwable error) {
            if (done) {
                Operators.onErrorDropped(error, actual.currentContext());
                return;
            }
            done = true;
            afterBeginSettled(() -> actual.onError(error));
        }

        @Override
        public void onComplete() {
            if (!done) {
                done = true;
                afterBeginSettled(actual::onComplete);
            }
        }

        /** Runs {@code end} once BEGIN succeeded; if BEGIN failed, the subscriber gets BEGIN's error instead. */
        private void afterBeginSettled(Runnable end) {
            if (lease.isBegun()) {
                end.run();
                return;
            }
            waiting = began.subscribe(null, actual::onError, end);
        }

        @Override
        public void cancel() {
            super.cancel();
            Disposable wait = waiting;
            if (wait != null) {
                wait.dispose();
            }
        }
    }
}
