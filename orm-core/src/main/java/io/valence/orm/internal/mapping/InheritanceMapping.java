package io.valence.orm.internal.mapping;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The place of one mapping in a hierarchy: the root class, which keys the identity map, the
 * discriminator column, and the discriminator values of the concrete classes whose rows the mapping's
 * queries return. The mapping of an abstract class is a view over its subclasses: its columns are
 * theirs together, and a row read with it belongs to the concrete mapping its discriminator names.
 *
 * <p>In a {@code JOINED} hierarchy each class's own columns are in a table of its own, whose key
 * references the root's table: {@link #tables} lists the tables a mapping's rows are read from (one
 * {@link EntityMapping} each, with the key and that table's columns), and a view's discriminator is
 * not a column of any table but the position of the concrete class whose table holds the row's key.
 */
public final class InheritanceMapping {
    private final Class<?> root;
    private final int discriminatorIndex;
    private final List<Object> values;
    private final boolean filtered;
    /** For a view: the concrete mappings by discriminator value, and where each one's columns are in the view's row. */
    private final Map<Object, EntityMapping> concreteByValue;
    private final Map<EntityMapping, int[]> positions;
    /** JOINED: the tables, root first, and how many of them (from the root) every row of the mapping has. */
    private final List<EntityMapping> tables;
    private final int requiredTables;

    InheritanceMapping(Class<?> root, int discriminatorIndex, List<Object> values, boolean filtered,
            Map<Object, EntityMapping> concreteByValue, Map<EntityMapping, int[]> positions) {
        this(root, discriminatorIndex, values, filtered, concreteByValue, positions, List.of(), 0);
    }

    InheritanceMapping(Class<?> root, int discriminatorIndex, List<Object> values, boolean filtered,
            Map<Object, EntityMapping> concreteByValue, Map<EntityMapping, int[]> positions,
            List<EntityMapping> tables, int requiredTables) {
        this.root = root;
        this.discriminatorIndex = discriminatorIndex;
        this.values = List.copyOf(values);
        this.filtered = filtered;
        this.concreteByValue = Collections.unmodifiableMap(new LinkedHashMap<>(concreteByValue));
        this.positions = Map.copyOf(positions);
        this.tables = List.copyOf(tables);
        this.requiredTables = requiredTables;
    }

    /** @return whether the hierarchy is {@code JOINED}: a table per class, joined by the key */
    public boolean isJoined() {
        return !tables.isEmpty();
    }

    /**
     * The tables of a {@code JOINED} mapping's rows, parents before children: for a concrete class
     * those from the root down to its own, the tables it inserts into; for a view also those of every
     * class below it.
     *
     * @return one mapping per table (its key columns, then the columns that table holds); empty for {@code SINGLE_TABLE}
     */
    public List<EntityMapping> tables() {
        return tables;
    }

    /** @return how many of {@link #tables} (from the root) hold a part of every row of the mapping: INNER JOINed */
    public int requiredTables() {
        return requiredTables;
    }

    /**
     * For a {@code JOINED} view, the concrete classes in the order of their discriminator values
     * (0, 1, …), each with the position in {@link #tables} of its own table, whose key is not null
     * exactly in that class's rows.
     *
     * @return the concrete mappings by value
     */
    public Map<Object, EntityMapping> concreteByValue() {
        return concreteByValue;
    }

    /** @return the hierarchy's root class, which keys the identity map for every class of the hierarchy */
    public Class<?> root() {
        return root;
    }

    /** @return the position of the discriminator column in the mapping's columns; -1 for a concrete {@code JOINED} class */
    public int discriminatorIndex() {
        return discriminatorIndex;
    }

    /**
     * The discriminator values a query of this mapping restricts its rows to.
     *
     * @return the values of the concrete classes at or below this class, or an empty list when
     *     every row of the table qualifies (the root)
     */
    public List<Object> filter() {
        return filtered ? values : List.of();
    }

    /** @return the discriminator value of a concrete class's rows (the first of a view's) */
    public Object value() {
        return values.get(0);
    }

    /** @return whether the mapping is a view over concrete subclasses, whose rows {@link #concrete} sorts */
    public boolean isView() {
        return !positions.isEmpty();
    }

    /** @return for a view, the mappings of the concrete classes below it; else none */
    public Collection<EntityMapping> subclasses() {
        return concreteByValue.values();
    }

    /**
     * The concrete mapping a row of this view belongs to.
     *
     * @param row the row's values in the view's column order
     * @return the mapping its discriminator names
     * @throws IllegalStateException when no registered class has the row's discriminator value (for
     *     {@code JOINED}: no subclass table holds the row's key)
     */
    public EntityMapping concrete(Object[] row) {
        EntityMapping concrete = concreteByValue.get(row[discriminatorIndex]);
        if (concrete == null && isJoined()) {
            throw new IllegalStateException("A row with id " + row[0] + " of table \"" + tables.get(0).table()
                    + "\" has no row in the table of any registered subclass of " + root.getSimpleName() + " ("
                    + tables.subList(requiredTables, tables.size()).stream().map(EntityMapping::table).toList()
                    + "), so its class is unknown; register the entity class whose table holds it with entities(…) or"
                    + " scanPackages(…), or delete the row");
        }
        if (concrete == null) {
            throw new IllegalStateException("A row with id " + row[0] + " has discriminator value '"
                    + row[discriminatorIndex] + "', which no registered subclass of " + root.getSimpleName()
                    + " declares (" + concreteByValue.keySet() + "); register the entity class with that"
                    + " @DiscriminatorValue with entities(…) or scanPackages(…)");
        }
        return concrete;
    }

    /**
     * A row of this view rearranged into a concrete mapping's column order.
     *
     * @param concrete a mapping {@link #concrete} returned
     * @param row the row's values in the view's column order
     * @return the values in the concrete mapping's column order
     */
    public Object[] project(EntityMapping concrete, Object[] row) {
        int[] from = positions.get(concrete);
        Object[] projected = new Object[from.length];
        for (int i = 0; i < from.length; i++) {
            projected[i] = row[from[i]];
        }
        return projected;
    }
}
