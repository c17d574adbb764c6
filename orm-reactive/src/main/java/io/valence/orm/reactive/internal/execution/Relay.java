package io.valence.orm.reactive.internal.execution;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.util.context.Context;

/**
 * A subscriber that stands between an operation and its subscriber: it passes the subscription,
 * demand, cancellation and context through, and a subclass decides what its signals do. One such
 * subscriber costs less than a chain of Reactor operators on paths every session operation takes.
 *
 * @param <T> the element type
 */
public abstract class Relay<T> implements CoreSubscriber<T>, Subscription {
    /** The subscriber the signals go to. */
    protected final CoreSubscriber<? super T> actual;
    private Subscription upstream;

    /**
     * @param actual the subscriber the signals go to
     */
    protected Relay(CoreSubscriber<? super T> actual) {
        this.actual = actual;
    }

    @Override
    public Context currentContext() {
        return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        upstream = subscription;
        actual.onSubscribe(this);
    }

    @Override
    public void request(long n) {
        upstream.request(n);
    }

    @Override
    public void cancel() {
        upstream.cancel();
    }
}
