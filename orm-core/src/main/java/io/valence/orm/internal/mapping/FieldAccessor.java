package io.valence.orm.internal.mapping;

import io.valence.orm.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Reads and writes one field of an entity through method handles resolved once at build time, so
 * no reflection happens per row. Private fields work.
 */
public final class FieldAccessor {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final Field field;
    private final MethodHandle getter;
    private final MethodHandle setter;

    private FieldAccessor(Field field, MethodHandle getter, MethodHandle setter) {
        this.field = field;
        this.getter = getter;
        this.setter = setter;
    }

    static FieldAccessor of(Field field) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            return new FieldAccessor(
                    field,
                    lookup.unreflectGetter(field).asType(GETTER),
                    lookup.unreflectSetter(field).asType(SETTER));
        } catch (IllegalAccessException e) {
            throw new MappingException(field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + " cannot be accessed (" + e.getMessage() + "); open the package to Valence or make the"
                    + " field accessible");
        }
    }

    /**
     * Reads the field.
     *
     * @param entity the instance
     * @return the field's value, boxed
     */
    public Object get(Object entity) {
        try {
            return getter.invokeExact(entity);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /**
     * Writes the field. A {@code null} for a primitive field is rejected with a message naming it.
     *
     * @param entity the instance
     * @param value the value, boxed for primitives
     */
    public void set(Object entity, Object value) {
        if (value == null && field.getType().isPrimitive()) {
            throw new IllegalArgumentException(field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + " is a primitive " + field.getType() + " and cannot hold NULL; map it with the boxed type");
        }
        try {
            setter.invokeExact(entity, value);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /**
     * The field's declared type.
     *
     * @return the type
     */
    public Class<?> type() {
        return field.getType();
    }

    /**
     * The field itself, for messages and generic type inspection at build time.
     *
     * @return the field
     */
    public Field field() {
        return field;
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e);
    }
}
