package io.valence.orm.internal.mapping;

import jakarta.persistence.EntityListeners;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the lifecycle callbacks of an entity from its classes (mapped superclasses first) and their
 * {@code @EntityListeners}, checking each signature: on the entity a method without parameters, on a
 * listener a method taking the entity, both returning void. Any other {@code jakarta.persistence}
 * annotation on a method is reported, since Valence maps fields, not getters.
 */
final class CallbackReader {
    private static final MethodType TAKES_ENTITY = MethodType.methodType(void.class, Object.class);

    private final Class<?> entity;
    private final List<String> problems;
    private final Map<LifecycleCallbacks.Event, List<LifecycleCallbacks.Callback>> callbacks =
            new EnumMap<>(LifecycleCallbacks.Event.class);

    private CallbackReader(Class<?> entity, List<String> problems) {
        this.entity = entity;
        this.problems = problems;
    }

    /**
     * Reads the callbacks of an entity.
     *
     * @param entity the entity class
     * @param classes its mapped superclasses from the top down, then the entity itself
     * @param problems where problems are added
     * @return the callbacks, {@link LifecycleCallbacks#NONE} when there are none
     */
    static LifecycleCallbacks read(Class<?> entity, List<Class<?>> classes, List<String> problems) {
        CallbackReader reader = new CallbackReader(entity, problems);
        for (Class<?> declaring : classes) {
            EntityListeners listeners = declaring.getAnnotation(EntityListeners.class);
            for (Class<?> listener : listeners == null ? new Class<?>[0] : listeners.value()) {
                reader.readListener(listener);
            }
        }
        for (int i = 0; i < classes.size(); i++) {
            reader.readEntityMethods(classes.get(i), classes.subList(i + 1, classes.size()));
        }
        return reader.callbacks.isEmpty() ? LifecycleCallbacks.NONE : new LifecycleCallbacks(reader.callbacks);
    }

    private void readListener(Class<?> listener) {
        Object instance;
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(listener, MethodHandles.lookup());
            instance = lookup.findConstructor(listener, MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            problems.add(entity.getSimpleName() + " names " + listener.getSimpleName() + " in @EntityListeners, but"
                    + " Valence cannot create it through a no-arg constructor (" + e + "); give it one (any"
                    + " visibility), as JPA requires of entity listeners");
            return;
        }
        for (Method method : sorted(listener.getDeclaredMethods())) {
            for (LifecycleCallbacks.Event event : events(method)) {
                String description = listener.getSimpleName() + "." + method.getName() + "(Object)";
                if (Modifier.isStatic(method.getModifiers()) || method.getReturnType() != void.class
                        || method.getParameterCount() != 1
                        || !method.getParameterTypes()[0].isAssignableFrom(entity)) {
                    problems.add(listener.getSimpleName() + "." + method.getName() + " is a @"
                            + event.annotation().getSimpleName() + " listener of " + entity.getSimpleName()
                            + ", but a listener callback must be an instance method returning void that takes the"
                            + " entity (e.g. `void " + method.getName() + "(Object entity)`): change its signature");
                    continue;
                }
                add(event, description, bind(lookup, method).bindTo(instance).asType(TAKES_ENTITY), listener);
            }
        }
    }

    private void readEntityMethods(Class<?> declaring, List<Class<?>> below) {
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(declaring, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            problems.add(declaring.getSimpleName() + " cannot be accessed (" + e.getMessage() + "); open its package"
                    + " to Valence");
            return;
        }
        for (Method method : sorted(declaring.getDeclaredMethods())) {
            if (method.isSynthetic() || method.isBridge()) {
                continue;
            }
            List<LifecycleCallbacks.Event> events = events(method);
            reportOtherAnnotations(declaring, method);
            if (events.isEmpty() || overriddenBelow(method, below)) {
                continue; // JPA runs an overriding method once, not the one it overrides
            }
            String description = declaring.getSimpleName() + "." + method.getName() + "()";
            if (Modifier.isStatic(method.getModifiers()) || method.getReturnType() != void.class
                    || method.getParameterCount() != 0) {
                problems.add(declaring.getSimpleName() + "." + method.getName() + " is a @"
                        + events.get(0).annotation().getSimpleName() + " callback, but a callback on the entity must"
                        + " be an instance method without parameters returning void (e.g. `void " + method.getName()
                        + "()`): change its signature");
                continue;
            }
            MethodHandle handle = bind(lookup, method).asType(TAKES_ENTITY);
            for (LifecycleCallbacks.Event event : events) {
                add(event, description, handle, declaring);
            }
        }
    }

    /** Annotations of {@code jakarta.persistence} other than callbacks on a method would be ignored otherwise. */
    private void reportOtherAnnotations(Class<?> declaring, Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (kind.getPackageName().equals("jakarta.persistence")
                    && Arrays.stream(LifecycleCallbacks.Event.values()).noneMatch(e -> e.annotation() == kind)) {
                problems.add(declaring.getSimpleName() + "." + method.getName() + "() is annotated with @"
                        + kind.getSimpleName() + ", but Valence reads mappings from fields only (field access); on"
                        + " methods it supports the lifecycle callbacks (@PrePersist, @PreUpdate, @PreRemove,"
                        + " @PostPersist, @PostUpdate, @PostRemove, @PostLoad): move @" + kind.getSimpleName()
                        + " to the field");
            }
        }
    }

    private void add(LifecycleCallbacks.Event event, String description, MethodHandle handle, Class<?> declaring) {
        List<LifecycleCallbacks.Callback> list = callbacks.computeIfAbsent(event, e -> new ArrayList<>());
        for (LifecycleCallbacks.Callback existing : list) {
            if (existing.description().startsWith(declaring.getSimpleName() + ".")) {
                problems.add(declaring.getSimpleName() + " has two @" + event.annotation().getSimpleName()
                        + " methods (" + existing.description() + " and " + description + "); JPA allows one per"
                        + " class and moment: merge them into one method");
                return;
            }
        }
        list.add(new LifecycleCallbacks.Callback(description, handle));
    }

    private MethodHandle bind(MethodHandles.Lookup lookup, Method method) {
        try {
            return lookup.unreflect(method);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot access " + method, e);
        }
    }

    private static List<LifecycleCallbacks.Event> events(Method method) {
        return Arrays.stream(LifecycleCallbacks.Event.values())
                .filter(event -> method.isAnnotationPresent(event.annotation()))
                .toList();
    }

    private static boolean overriddenBelow(Method method, List<Class<?>> below) {
        for (Class<?> subclass : below) {
            try {
                subclass.getDeclaredMethod(method.getName(), method.getParameterTypes());
                return !Modifier.isPrivate(method.getModifiers());
            } catch (NoSuchMethodException e) {
                // not overridden in this class
            }
        }
        return false;
    }

    private static List<Method> sorted(Method[] methods) {
        // getDeclaredMethods has no fixed order; callbacks of one class and moment are unique anyway
        List<Method> list = new ArrayList<>(Arrays.asList(methods));
        list.sort(Comparator.comparing(Method::getName));
        return list;
    }
}
