package io.valence.orm.reactive.internal.execution;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A Flux that builds its source only when its subscriber first requests, from the size of that
 * request, so a query can be sent in the form the demand calls for. Later requests, and a cancel
 * that comes before or after, go to the source as usual.
 *
 * @param <T> the element type
 */
final class FetchSizedByDemand<T> extends Flux<T> {
    private final LongFunction<Publisher<T>> sourceForDemand;

    /**
     * @param sourceForDemand the source to subscribe to, given the first request ({@link Long#MAX_VALUE} when
     *     unbounded); it only assembles the source, so it does not throw
     */
    FetchSizedByDemand(LongFunction<Publisher<T>> sourceForDemand) {
        this.sourceForDemand = sourceForDemand;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        actual.onSubscribe(new FirstRequest<>(actual, sourceForDemand));
    }

    /**
     * Relays the source to the subscriber; requests and a cancel made before the source answered
     * are kept by {@link Operators.DeferredSubscription} and handed on once it does.
     */
    private static final class FirstRequest<T> extends Operators.DeferredSubscription implements CoreSubscriber<T> {
        private final CoreSubscriber<? super T> actual;
        private final LongFunction<Publisher<T>> sourceForDemand;
        private final AtomicBoolean subscribed = new AtomicBoolean();

        FirstRequest(CoreSubscriber<? super T> actual, LongFunction<Publisher<T>> sourceForDemand) {
            this.actual = actual;
            this.sourceForDemand = sourceForDemand;
        }

        @Override
        public void request(long n) {
            super.request(n);
            if (n > 0 && !isCancelled() && subscribed.compareAndSet(false, true)) {
                sourceForDemand.apply(n).subscribe(this);
            }
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            set(subscription);
        }

        @Override
        public void onNext(T element) {
            actual.onNext(element);
        }

        @Override
        public void onError(Throwable error) {
            actual.onError(error);
        }

        @Override
        public void onComplete() {
            actual.onComplete();
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }
    }
}
