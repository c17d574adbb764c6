package io.valence.orm.internal.mapping;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle callbacks of one entity, in the order JPA runs them: methods of its
 * {@code @EntityListeners} classes (a superclass's listeners first), then its own callback methods
 * (a mapped superclass's first). Resolved to method handles at build time.
 */
public final class LifecycleCallbacks {
    /** No callbacks at all: the common case, which costs one array read per event. */
    static final LifecycleCallbacks NONE = new LifecycleCallbacks(Map.of());

    /** The moments JPA defines, each with its annotation. */
    public enum Event {
        /** When the object is added (cascades included), before it is inserted. */
        PRE_PERSIST(PrePersist.class),
        /** After its INSERT ran. */
        POST_PERSIST(PostPersist.class),
        /** Before the flush writes its changes; what it sets is written by the same flush. */
        PRE_UPDATE(PreUpdate.class),
        /** After its UPDATE ran. */
        POST_UPDATE(PostUpdate.class),
        /** When it is deleted, before the flush. */
        PRE_REMOVE(PreRemove.class),
        /** After its DELETE ran. */
        POST_REMOVE(PostRemove.class),
        /** After a row was loaded or refreshed into it. */
        POST_LOAD(PostLoad.class);

        private final Class<? extends Annotation> annotation;

        Event(Class<? extends Annotation> annotation) {
            this.annotation = annotation;
        }

        /** @return the annotation that marks a callback for this moment */
        public Class<? extends Annotation> annotation() {
            return annotation;
        }
    }

    /**
     * One callback method.
     *
     * @param description {@code Customer.touch()} or {@code AuditListener.touch(Object)}, for messages
     * @param handle takes the entity, returns nothing
     */
    record Callback(String description, MethodHandle handle) {}

    private final Callback[][] byEvent = new Callback[Event.values().length][];

    LifecycleCallbacks(Map<Event, List<Callback>> callbacks) {
        Map<Event, List<Callback>> all = new EnumMap<>(Event.class);
        all.putAll(callbacks);
        all.forEach((event, list) -> byEvent[event.ordinal()] = list.isEmpty() ? null : list.toArray(Callback[]::new));
    }

    /**
     * Whether any callback runs at a moment.
     *
     * @param event the moment
     * @return {@code true} when at least one does
     */
    public boolean has(Event event) {
        return byEvent[event.ordinal()] != null;
    }

    /**
     * Describes the callbacks of a moment, for messages.
     *
     * @param event the moment
     * @return e.g. {@code @PrePersist Customer.onCreate()}
     */
    public String describe(Event event) {
        Callback[] callbacks = byEvent[event.ordinal()];
        StringBuilder text = new StringBuilder();
        for (Callback callback : callbacks == null ? new Callback[0] : callbacks) {
            text.append(text.length() == 0 ? "" : ", ").append('@').append(event.annotation().getSimpleName())
                    .append(' ').append(callback.description());
        }
        return text.toString();
    }

    /**
     * Runs the callbacks of a moment on an object, in order. What a callback throws propagates as it is.
     *
     * @param event the moment
     * @param entity the object
     */
    public void fire(Event event, Object entity) {
        Callback[] callbacks = byEvent[event.ordinal()];
        if (callbacks == null) {
            return;
        }
        for (Callback callback : callbacks) {
            try {
                callback.handle().invokeExact(entity);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(callback.description() + " failed", e);
            }
        }
    }
}
