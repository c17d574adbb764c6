package io.valence.orm.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code UPDATE} of the rows of an entity's table that match a condition: SQLAlchemy 2.0's
 * {@code update(Child).where(…).values(…)}, Django's {@code QuerySet.update}. It changes rows
 * directly, without loading them; the session flushes pending changes first.
 *
 * <pre>{@code
 * Update<Child> rename = Update.of(Child.class)
 *         .set("value", "renamed")
 *         .filterBy("parent", parent)
 *         .returning();
 * }</pre>
 *
 * <p>Without a condition, every row of the table is updated. At least one {@link #set} is needed
 * before the statement runs; running one without is an {@link IllegalArgumentException}.
 *
 * <p>Immutable: every builder method returns a new {@code Update}. Equality is structural.
 *
 * @param <T> the entity type
 */
public final class Update<T> implements Dml<T> {

    private final Class<T> entityType;
    private final Map<String, Object> assignments;
    private final Condition where;
    private final boolean returning;
    private final boolean synchronizeSession;

    private Update(
            Class<T> entityType,
            Map<String, Object> assignments,
            Condition where,
            boolean returning,
            boolean synchronizeSession) {
        this.entityType = entityType;
        this.assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        this.where = where;
        this.returning = returning;
        this.synchronizeSession = synchronizeSession;
    }

    /**
     * Starts an update of the table of {@code type}.
     *
     * @param type the entity class
     * @param <T> the entity type
     * @return an update without assignments or condition
     */
    public static <T> Update<T> of(Class<T> type) {
        Objects.requireNonNull(type, "entity type must not be null");
        return new Update<>(type, Map.of(), null, false, true);
    }

    /**
     * Sets a property of the matching rows: {@code SET property = value}. Setting the same property
     * again replaces its value and keeps its place.
     *
     * @param property a property name of the entity (no path), such as {@code "value"}, or a
     *     many-to-one such as {@code "parent"} (with an entity instance or null as value)
     * @param value any value; null sets the column to NULL
     * @return a new update with the assignment
     */
    public Update<T> set(String property, Object value) {
        PropertyNames.requireName(property, "property to set");
        Map<String, Object> moreAssignments = new LinkedHashMap<>(assignments);
        moreAssignments.put(property, value);
        return new Update<>(entityType, moreAssignments, where, returning, synchronizeSession);
    }

    /**
     * Restricts the update to rows matching a condition, ANDed with the conditions already there.
     *
     * @param condition the condition
     * @return a new update with the condition added
     */
    public Update<T> where(Condition condition) {
        Objects.requireNonNull(condition, "condition must not be null");
        Condition combined = where == null ? condition : where.and(condition);
        return new Update<>(entityType, assignments, combined, returning, synchronizeSession);
    }

    /**
     * Restricts the update to rows where {@code property = value} (null means {@code IS NULL}):
     * {@code where(Condition.eq(property, value))}.
     *
     * @param property a property name or path
     * @param value any value
     * @return a new update with the condition added
     */
    public Update<T> filterBy(String property, Object value) {
        return where(Condition.eq(property, value));
    }

    /**
     * Returns the updated rows as entities: {@code RETURNING *}.
     *
     * @return a new update that returns its rows
     */
    public Update<T> returning() {
        return new Update<>(entityType, assignments, where, true, synchronizeSession);
    }

    /**
     * Chooses whether the returned rows refresh instances already in the session's identity map.
     * On by default; {@code false} opts out and leaves those instances as they were.
     *
     * @param synchronize whether to refresh instances already in the session
     * @return a new update with the setting
     */
    public Update<T> synchronizeSession(boolean synchronize) {
        return new Update<>(entityType, assignments, where, returning, synchronize);
    }

    @Override
    public Class<T> entityType() {
        return entityType;
    }

    /**
     * The properties to set and their values, in the order first set.
     *
     * @return an unmodifiable map, empty if {@link #set} was never called; values may be null
     */
    public Map<String, Object> assignments() {
        return assignments;
    }

    /**
     * All conditions ANDed together, or empty for an update of every row.
     *
     * @return the combined condition
     */
    public Optional<Condition> where() {
        return Optional.ofNullable(where);
    }

    @Override
    public boolean isReturning() {
        return returning;
    }

    @Override
    public boolean isSynchronizeSession() {
        return synchronizeSession;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Update<?> update
                && entityType == update.entityType
                && assignments.equals(update.assignments)
                && Objects.equals(where, update.where)
                && returning == update.returning
                && synchronizeSession == update.synchronizeSession;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entityType, assignments, where, returning, synchronizeSession);
    }

    @Override
    public String toString() {
        // Values stay out: they may be secrets, and the shape is what tells statements apart.
        return "Update[entityType=" + entityType.getSimpleName() + ", set=" + assignments.keySet() + ", where="
                + where + ", returning=" + returning + ", synchronizeSession="
                + synchronizeSession + "]";
    }
}
