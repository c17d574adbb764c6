package io.valence.orm.internal.mapping;

import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * An entity's primary key: its columns (the key parts, first among the entity's columns) and the
 * value the session keys objects by. A single {@code @Id} is its own key value; a composite key
 * ({@code @IdClass} or {@code @EmbeddedId}) is keyed by an instance of its key class, built from the
 * parts, whose {@code equals} and {@code hashCode} the identity map uses.
 */
public final class KeyMapping {
    /** The answer column of batched UPDATE and DELETE of composite-key rows: the row's position in its statement. */
    private static final ColumnMapping POSITION = new ColumnMapping("(position)", "n",
            new ColumnType(Long.class, "bigint", "bigint[]", Long.class, ValueConverter.IDENTITY), false, false,
            ColumnMapping.Role.BASIC, null);

    private final List<ColumnMapping> parts;
    private final Class<?> keyClass;
    private final MethodHandle keyConstructor;
    /** By part, the field of the key class holding it; empty for a single key. */
    private final List<FieldAccessor> keyFields;

    private KeyMapping(List<ColumnMapping> parts, Class<?> keyClass, MethodHandle keyConstructor,
            List<FieldAccessor> keyFields) {
        this.parts = List.copyOf(parts);
        this.keyClass = keyClass;
        this.keyConstructor = keyConstructor;
        this.keyFields = List.copyOf(keyFields);
    }

    /** A key of one {@code @Id} column, keyed by its value. */
    static KeyMapping single(ColumnMapping id) {
        return new KeyMapping(List.of(id), id.type().javaType(), null, List.of());
    }

    /**
     * A composite key.
     *
     * @param parts the key columns, in the entity's column order
     * @param keyClass the {@code @IdClass}, or the embeddable of the {@code @EmbeddedId}
     * @param keyConstructor its no-arg constructor
     * @param keyFields by part, the key class's field holding it
     */
    static KeyMapping composite(List<ColumnMapping> parts, Class<?> keyClass, MethodHandle keyConstructor,
            List<FieldAccessor> keyFields) {
        return new KeyMapping(parts, keyClass, keyConstructor, keyFields);
    }

    /** @return whether the key has more than one column */
    public boolean isComposite() {
        return !keyFields.isEmpty();
    }

    /** @return the key columns, in order; one for a single key */
    public List<ColumnMapping> parts() {
        return parts;
    }

    /** @return the class of key values: the id's type, the {@code @IdClass} or the embeddable of the {@code @EmbeddedId} */
    public Class<?> keyClass() {
        return keyClass;
    }

    /**
     * The key of an object.
     *
     * @param entity an instance of the entity
     * @return its key value, or {@code null} while a part is missing
     */
    public Object keyOf(Object entity) {
        if (!isComposite()) {
            return parts.get(0).accessor().get(entity);
        }
        Object[] values = new Object[parts.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parts.get(i).accessor().get(entity);
            if (values[i] == null) {
                return null;
            }
        }
        return newKey(values);
    }

    /**
     * The key of a loaded row.
     *
     * @param row the entity's column values, the key parts first
     * @return the key value
     */
    public Object keyOfRow(Object[] row) {
        return isComposite() ? newKey(row) : row[0];
    }

    /**
     * One part of a key value.
     *
     * @param key a key value of this entity
     * @param index the part's position in {@link #parts()}
     * @return its value, possibly {@code null} in a key given by the caller
     */
    public Object part(Object key, int index) {
        return isComposite() ? keyFields.get(index).get(key) : key;
    }

    /**
     * Orders two keys of this entity part by part, as the flush orders rows within a table.
     *
     * @param a one key
     * @param b another key
     * @return negative, zero or positive
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compare(Object a, Object b) {
        for (int i = 0; i < parts.size(); i++) {
            int order = ((Comparable) part(a, i)).compareTo(part(b, i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /**
     * The column of the values a batched UPDATE or DELETE answers with when it missed rows: the id
     * for a single key, the row's position (from 1) in the statement for a composite one.
     *
     * @return the column, whose type reads the answer
     */
    public ColumnMapping answerColumn() {
        return isComposite() ? POSITION : parts.get(0);
    }

    /**
     * The value a batched UPDATE or DELETE answers for one of its rows (see {@link #answerColumn()}).
     *
     * @param key the row's key
     * @param position the row's index in the statement, from 0
     * @return the id, or the position from 1
     */
    public Object answerOf(Object key, int position) {
        return isComposite() ? Long.valueOf(position + 1L) : key;
    }

    private Object newKey(Object[] values) {
        Object key;
        try {
            key = keyConstructor.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("The no-arg constructor of " + keyClass.getName() + " failed", e);
        }
        for (int i = 0; i < keyFields.size(); i++) {
            keyFields.get(i).set(key, values[i]);
        }
        return key;
    }
}
