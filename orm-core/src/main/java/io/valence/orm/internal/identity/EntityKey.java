package io.valence.orm.internal.identity;

/**
 * Identifies one row: the mapped class and the primary key value.
 *
 * @param type the mapped entity class
 * @param id the primary key value, never {@code null}
 */
public record EntityKey(Class<?> type, Object id) {
    @Override
    public String toString() {
        return type.getSimpleName() + "#" + id;
    }
}
