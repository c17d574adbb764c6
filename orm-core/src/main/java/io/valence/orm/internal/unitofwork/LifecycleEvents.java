package io.valence.orm.internal.unitofwork;

import io.valence.orm.internal.mapping.LifecycleCallbacks;
import io.valence.orm.internal.state.EntityState;

/**
 * Runs the lifecycle callbacks of one session's objects and remembers which one is running, so that
 * a session operation started from inside a callback can be refused with a clear error.
 */
public final class LifecycleEvents {
    private String running;

    /**
     * Runs the callbacks of a moment on a tracked object.
     *
     * @param event the moment
     * @param state the object's state
     */
    public void fire(LifecycleCallbacks.Event event, EntityState state) {
        LifecycleCallbacks callbacks = state.mapping().callbacks();
        if (!callbacks.has(event)) {
            return;
        }
        String outer = running;
        running = callbacks.describe(event) + " on " + state.describe();
        try {
            callbacks.fire(event, state.entity());
        } finally {
            running = outer;
        }
    }

    /**
     * The lifecycle callback running at this moment, if any.
     *
     * @return e.g. {@code @PrePersist Customer.onCreate() on Customer (pending, no id)}, or {@code null}
     */
    public String running() {
        return running;
    }
}
