package io.valence.orm.internal.state;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads an object's current column values the way its row would hold them: plain fields as they
 * are, foreign keys as the id of the object the relationship points to. A to-one that was never
 * loaded keeps the foreign key of the snapshot, so not loading a relationship never clears it.
 */
public final class ColumnValues {
    private final Metamodel metamodel;

    /**
     * Creates a reader over a metamodel.
     *
     * @param metamodel resolves the targets of foreign keys
     */
    public ColumnValues(Metamodel metamodel) {
        this.metamodel = metamodel;
    }

    /**
     * The current value of one column.
     *
     * @param state the object's state
     * @param column a column of its mapping
     * @return the value its row should hold (a foreign key's target id, possibly still {@code null} when the target is pending)
     */
    public Object current(EntityState state, ColumnMapping column) {
        Object value = column.accessor().get(state.entity());
        return column.isForeignKey() ? foreignKey(state, column, value) : value;
    }

    /** The key a to-one's target gives its foreign key; an unloaded reference keeps the snapshot's. */
    private Object foreignKey(EntityState state, ColumnMapping column, Object target) {
        if (target != null) {
            EntityMapping mapping = metamodel.entity(target.getClass());
            // a composite foreign key: each column holds one part of the target's key
            return mapping.key().isComposite()
                    ? mapping.key().parts().get(state.mapping().foreignKeyPart(column)).accessor().get(target)
                    : mapping.idOf(target);
        }
        return state.isLoaded(state.mapping().relationshipOf(column)) ? null : state.snapshotValue(column);
    }

    /**
     * Every current column value, in column order.
     *
     * @param state the object's state
     * @return a new array
     */
    public Object[] all(EntityState state) {
        List<ColumnMapping> columns = state.mapping().columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = current(state, columns.get(i));
        }
        return values;
    }

    /**
     * Every current column value as a snapshot keeps it: values that can change in place (lists,
     * JSON documents) in their written form, so a later change inside them shows.
     *
     * @param state the object's state
     * @return a new array
     */
    public Object[] snapshot(EntityState state) {
        Object[] values = all(state);
        List<ColumnMapping> columns = state.mapping().columns();
        for (int i : state.mapping().mutableColumns()) {
            values[i] = columns.get(i).type().snapshotOf(values[i]);
        }
        return values;
    }

    /**
     * Sets each field whose column keeps less than the field held (a timestamp's nanoseconds, a
     * decimal's digits beyond the column's scale) to what the column now holds, so the object
     * equals what a later read returns.
     *
     * @param state an object whose row was just written
     */
    public void keepStored(EntityState state) {
        List<ColumnMapping> columns = state.mapping().columns();
        for (int i : state.mapping().storedColumns()) {
            ColumnMapping column = columns.get(i);
            Object value = column.accessor().get(state.entity());
            Object stored = column.type().storedValue(value);
            if (stored != value && !stored.equals(value)) {
                column.accessor().set(state.entity(), stored);
            }
        }
    }

    /**
     * The columns whose current value differs from the snapshot; the id and version never count.
     * An expired object is compared with its values when it was expired, so that only what was
     * assigned since counts: its earlier changes were discarded by the expiry (or the rollback).
     *
     * @param state a persistent object's state
     * @return the changed columns, empty when the object is clean
     */
    public List<ColumnMapping> changed(EntityState state) {
        List<ColumnMapping> columns = state.mapping().columns();
        Object[] snapshot = state.isExpired() && state.expiredValues() != null ? state.expiredValues() : state.snapshot();
        List<ColumnMapping> changed = null;
        for (int i = 0; i < columns.size(); i++) {
            ColumnMapping column = columns.get(i);
            if (column.role() != ColumnMapping.Role.BASIC && column.role() != ColumnMapping.Role.FOREIGN_KEY) {
                continue; // the id and version never count
            }
            if (differs(state, column, snapshot[i])) {
                if (changed == null) {
                    changed = new ArrayList<>(2);
                }
                changed.add(column);
            }
        }
        return changed == null ? List.of() : changed;
    }

    /**
     * Whether a column's current value differs from a stored one. A foreign key that refers to an
     * object still waiting for its generated id reads as {@code null} until the target's INSERT ran,
     * so comparing it with a stored {@code null} would miss the change: such a reference differs
     * from any stored key.
     */
    private boolean differs(EntityState state, ColumnMapping column, Object stored) {
        Object value = column.accessor().get(state.entity());
        if (!column.isForeignKey()) {
            return !same(stored, column.type().mutable() ? column.type().snapshotOf(value) : value);
        }
        Object key = foreignKey(state, column, value);
        return (value != null && key == null) || !same(stored, key);
    }

    /**
     * Compares two column values as the database would: arrays by content, decimals by value.
     *
     * @param a one value
     * @param b another value
     * @return whether they are the same
     */
    public static boolean same(Object a, Object b) {
        if (a == b) {
            return true; // a field still holding the object it was loaded with: the usual case, and the cheapest
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.deepEquals(a, b);
    }
}
