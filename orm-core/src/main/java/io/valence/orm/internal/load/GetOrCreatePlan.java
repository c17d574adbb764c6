package io.valence.orm.internal.load;

import io.valence.orm.ConstraintViolationException;
import io.valence.orm.MultipleResultsException;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.IndexMapping;
import io.valence.orm.internal.query.DmlRenderer;
import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.query.SelectRenderer;
import io.valence.orm.internal.sql.LockSql;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Insert;
import io.valence.orm.query.Select;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a get-or-create runs, decided before any I/O and rendered at the call so that a bad
 * property fails there: the lookup query, the INSERT of lookup and defaults, and how a race
 * between creators is decided. With a unique constraint covering the lookup, the insert carries
 * {@code ON CONFLICT (…) DO NOTHING}; without one, a transaction-scoped advisory lock on the
 * lookup serializes creators (see docs/get-or-create.md).
 *
 * @param type the entity class
 * @param mapping its mapping
 * @param lookupProperties the lookup's property names, sorted, for messages
 * @param select the lookup query
 * @param insert the INSERT of lookup and defaults, with ON CONFLICT DO NOTHING when guarded
 * @param conflictProperties the unique properties the insert's ON CONFLICT names, or null
 * @param lock the advisory lock statement when no unique constraint covers the lookup, or null
 * @param <T> the entity type
 */
public record GetOrCreatePlan<T>(Class<T> type, EntityMapping mapping, List<String> lookupProperties,
        RenderedSelect select, SqlStatement insert, List<String> conflictProperties, SqlStatement lock) {

    /**
     * Plans one get-or-create.
     *
     * @param mapping the entity's mapping
     * @param type the entity class
     * @param lookup the properties that identify the row
     * @param defaults further values of a created row
     * @param selects renders the lookup
     * @param dml renders the insert
     * @param <T> the entity type
     * @return the plan
     * @throws IllegalArgumentException for an empty lookup or an unknown property
     */
    public static <T> GetOrCreatePlan<T> of(EntityMapping mapping, Class<T> type, Map<String, ?> lookup,
            Map<String, ?> defaults, SelectRenderer selects, DmlRenderer dml) {
        if (lookup.isEmpty()) {
            throw new IllegalArgumentException("getOrCreate(" + mapping.name() + ") needs a non-empty lookup: the"
                    + " properties that identify the row");
        }
        // sorted, so that every caller of one lookup renders the same query text, and takes the same lock
        Map<String, Object> sorted = new TreeMap<>(lookup);
        Select<T> query = Select.from(type);
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            query = query.filterBy(entry.getKey(), entry.getValue());
        }
        RenderedSelect select = selects.render(query);
        Map<String, Object> values = new LinkedHashMap<>(sorted);
        values.putAll(defaults);
        List<String> conflict = coveringUniqueProperties(mapping, lookup);
        Insert<T> insert = Insert.into(type).values(values).returning();
        Insert<T> guarded = conflict == null ? insert : insert.onConflict(conflict.toArray(String[]::new)).doNothing();
        SqlStatement lock = conflict != null ? null : LockSql.lookupLock(mapping.table(), select.statement());
        return new GetOrCreatePlan<>(type, mapping, List.copyOf(sorted.keySet()), select,
                dml.render(guarded).statement(), conflict, lock);
    }

    /**
     * The error for a lookup that found several rows.
     *
     * @return the exception
     */
    public MultipleResultsException severalFound() {
        return new MultipleResultsException("getOrCreate(" + mapping.name() + ") found several rows matching the lookup "
                + lookupProperties + ", but a lookup must identify one row. Declare a unique constraint over those"
                + " properties (@Column(unique = true) or @Table(uniqueConstraints)), or add properties to the lookup");
    }

    /**
     * The error for an insert that conflicted on the unique properties while no row matched the
     * whole lookup.
     *
     * @return the exception
     */
    public ConstraintViolationException partialMatch() {
        return new ConstraintViolationException("getOrCreate(" + mapping.name() + ") found no row matching the lookup "
                + lookupProperties + " and could not insert one: a row of table \"" + mapping.table()
                + "\" already holds the same " + conflictProperties + ", which a unique constraint allows once,"
                + " and differs in the rest of the lookup. Look the row up by " + conflictProperties
                + " alone (and set the other properties with updateOrCreate(…) if needed)",
                "23505", mapping.table(), null, mapping.name(), insert.sql(), null);
    }

    /**
     * The property names of a unique constraint whose columns all appear in the lookup with non-null
     * values (a NULL never conflicts), or {@code null}.
     */
    private static List<String> coveringUniqueProperties(EntityMapping mapping, Map<String, ?> lookup) {
        Set<String> lookupColumns = new HashSet<>();
        lookup.forEach((property, value) -> {
            ColumnMapping column = mapping.column(property);
            if (column != null && value != null) {
                lookupColumns.add(column.column());
            }
        });
        for (ColumnMapping column : mapping.columns()) {
            if ((column.unique() || column.role() == ColumnMapping.Role.ID) && lookupColumns.contains(column.column())) {
                return List.of(column.property());
            }
        }
        for (IndexMapping index : mapping.indexes()) {
            if (index.unique() && lookupColumns.containsAll(index.columns())) {
                return index.columns().stream().map(name -> propertyOf(mapping, name)).toList();
            }
        }
        return null;
    }

    private static String propertyOf(EntityMapping mapping, String column) {
        return mapping.columns().stream().filter(c -> c.column().equals(column)).findFirst().orElseThrow().property();
    }
}
