package io.valence.orm.internal.mapping;

import io.valence.orm.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Reads and writes one field of an entity through method handles resolved once at build time, so
 * no reflection happens per row. Private fields work. A field of an embedded value is reached
 * through the accessor of the field holding that value: reading through a {@code null} embedded
 * value gives {@code null}, and writing a non-null value into one creates it first (writing
 * {@code null} leaves it {@code null}), so a row whose embedded columns are all NULL loads as a
 * {@code null} embedded value.
 */
public final class FieldAccessor {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final FieldAccessor holder;
    private final Field field;
    private final MethodHandle getter;
    private final MethodHandle setter;
    /** For a field holding an embedded value: creates that value when a nested field is written. */
    private final MethodHandle embeddedConstructor;

    private FieldAccessor(
            FieldAccessor holder, Field field, MethodHandle getter, MethodHandle setter, MethodHandle embeddedConstructor) {
        this.holder = holder;
        this.field = field;
        this.getter = getter;
        this.setter = setter;
        this.embeddedConstructor = embeddedConstructor;
    }

    static FieldAccessor of(Field field) {
        return nested(null, field, null);
    }

    /**
     * An accessor of no field that reads one fixed value and ignores writes: a class's discriminator
     * value, which the flush writes like any column and a load has no field to put back into.
     *
     * @param value what every instance reads
     */
    static FieldAccessor constant(Object value) {
        MethodHandle getter = MethodHandles.dropArguments(MethodHandles.constant(Object.class, value), 0, Object.class);
        return new FieldAccessor(null, null, getter, MethodHandles.empty(SETTER), null);
    }

    /**
     * An accessor of {@code field}, which is declared by the embedded value that {@code holder} reads
     * (or by the entity when {@code holder} is {@code null}).
     *
     * @param holder the accessor of the field holding the embedded value, or {@code null}
     * @param field the field
     * @param embeddedConstructor the no-arg constructor of the field's type when the field holds an
     *     embedded value itself, else {@code null}
     */
    static FieldAccessor nested(FieldAccessor holder, Field field, MethodHandle embeddedConstructor) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            return new FieldAccessor(
                    holder,
                    field,
                    lookup.unreflectGetter(field).asType(GETTER),
                    lookup.unreflectSetter(field).asType(SETTER),
                    embeddedConstructor);
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
        Object target = holder == null ? entity : holder.get(entity);
        if (target == null) {
            return null;
        }
        try {
            return getter.invokeExact(target);
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
        Object target = entity;
        if (holder != null) {
            target = holder.get(entity);
            if (target == null) {
                if (value == null) {
                    return; // a null embedded value already reads as null here
                }
                target = holder.newEmbedded();
                holder.set(entity, target);
            }
        }
        if (value == null && field != null && field.getType().isPrimitive()) {
            throw new IllegalArgumentException(field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + " is a primitive " + field.getType() + " and cannot hold NULL; map it with the boxed type");
        }
        try {
            setter.invokeExact(target, value);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private Object newEmbedded() {
        try {
            return embeddedConstructor.invoke();
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /**
     * The accessor of the field holding the embedded value this field belongs to.
     *
     * @return that accessor, or {@code null} for a field of the entity itself
     */
    FieldAccessor holder() {
        return holder;
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
