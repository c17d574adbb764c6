package io.valence.orm.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code INSERT} of one or more rows into an entity's table, optionally with PostgreSQL's
 * {@code ON CONFLICT} clause (an upsert) and {@code RETURNING}: SQLAlchemy 2.0's
 * {@code insert(Storage).values(…).on_conflict_do_update(…)}, Django's {@code bulk_create} with
 * {@code update_conflicts}. A session runs it with {@code session.execute(insert)}.
 *
 * <pre>{@code
 * Insert<Storage> upsert = Insert.into(Storage.class)
 *         .values(Map.of("key", "one", "value", "new"))
 *         .values(Map.of("key", "two", "value", "new"))
 *         .onConflict("key").doUpdate("value")
 *         .returning();
 * }</pre>
 *
 * <p>Rows are given either as maps of property names to values, all with the same properties, or
 * as entity instances, whose properties are read when the statement runs; not both in one insert.
 * With {@link #returning()}, the rows returned refresh the instances already in the session (see
 * {@link #synchronizeSession(boolean)}), so an upsert never leaves a stale object behind.
 *
 * <p>Immutable: every builder method returns a new {@code Insert}. Equality is structural
 * (entity rows compare with their own {@code equals}).
 *
 * @param <T> the entity type
 */
public final class Insert<T> implements Dml<T> {

    private final Class<T> entityType;
    private final List<Map<String, Object>> rows;
    private final List<T> entityRows;
    private final ConflictTarget conflictTarget;
    private final ConflictAction conflictAction;
    private final boolean returning;
    private final boolean synchronizeSession;

    private Insert(
            Class<T> entityType,
            List<Map<String, Object>> rows,
            List<T> entityRows,
            ConflictTarget conflictTarget,
            ConflictAction conflictAction,
            boolean returning,
            boolean synchronizeSession) {
        this.entityType = entityType;
        this.rows = List.copyOf(rows);
        this.entityRows = List.copyOf(entityRows);
        this.conflictTarget = conflictTarget;
        this.conflictAction = conflictAction;
        this.returning = returning;
        this.synchronizeSession = synchronizeSession;
    }

    /**
     * Starts an insert into the table of {@code type}, with no row yet.
     *
     * @param type the entity class
     * @param <T> the entity type
     * @return an insert without rows, conflict clause or {@code RETURNING}
     */
    public static <T> Insert<T> into(Class<T> type) {
        Objects.requireNonNull(type, "entity type must not be null");
        return new Insert<>(type, List.of(), List.of(), null, null, false, true);
    }

    /**
     * Adds a row given as property names to values (null values allowed). Every row must name the
     * same properties as the first; the properties keep the first row's order.
     *
     * @param row property names of the entity (no paths) to values, at least one entry
     * @return a new insert with the row added
     * @throws IllegalArgumentException if the row is empty, names other properties than the first
     *     row (the message names the missing and the extra ones), or the insert has entity rows
     */
    public Insert<T> values(Map<String, ?> row) {
        Map<String, Object> checked = PropertyNames.requireNamedValues(row, "insert row");
        if (!entityRows.isEmpty()) {
            throw mixedRows();
        }
        List<Map<String, Object>> moreRows = new ArrayList<>(rows);
        moreRows.add(rows.isEmpty() ? checked : inFirstRowOrder(checked));
        return new Insert<>(
                entityType, moreRows, entityRows, conflictTarget, conflictAction, returning, synchronizeSession);
    }

    /**
     * Adds a row given as an entity instance. The instance is kept as it is; its properties are
     * read when the statement runs. It does not become part of the session by this.
     *
     * @param entity an instance of the entity type
     * @return a new insert with the row added
     * @throws IllegalArgumentException if {@code entity} is not an instance of the entity type, or
     *     the insert has map rows
     */
    public Insert<T> values(T entity) {
        Objects.requireNonNull(entity, "entity must not be null");
        if (!entityType.isInstance(entity)) {
            throw new IllegalArgumentException("cannot insert a " + entity.getClass().getName() + " into "
                    + entityType.getName() + ": the entity row must be an instance of " + entityType.getSimpleName());
        }
        if (!rows.isEmpty()) {
            throw mixedRows();
        }
        List<T> moreEntityRows = new ArrayList<>(entityRows);
        moreEntityRows.add(entity);
        return new Insert<>(
                entityType, rows, moreEntityRows, conflictTarget, conflictAction, returning, synchronizeSession);
    }

    /**
     * Starts an {@code ON CONFLICT (properties…)} clause: a conflict on the unique index or
     * constraint over these properties. Choose the action on the returned step.
     *
     * @param properties property names of the entity, at least one, none repeated
     * @return the step that chooses the action
     * @throws IllegalArgumentException if no property is given, one repeats, or the insert already
     *     has a conflict clause
     */
    public OnConflict<T> onConflict(String... properties) {
        Objects.requireNonNull(properties, "conflict properties must not be null");
        return startConflict(new ConflictTarget.Properties(Arrays.asList(properties)));
    }

    /**
     * Starts an {@code ON CONFLICT ON CONSTRAINT name} clause. Choose the action on the returned
     * step.
     *
     * @param constraintName the unique constraint's name as the database knows it
     * @return the step that chooses the action
     * @throws IllegalArgumentException if the name is blank or the insert already has a conflict
     *     clause
     */
    public OnConflict<T> onConflictOnConstraint(String constraintName) {
        return startConflict(new ConflictTarget.Constraint(constraintName));
    }

    /**
     * Returns the inserted (or, on conflict, updated) rows as entities: {@code RETURNING *}.
     *
     * @return a new insert that returns its rows
     */
    public Insert<T> returning() {
        return new Insert<>(entityType, rows, entityRows, conflictTarget, conflictAction, true, synchronizeSession);
    }

    /**
     * Chooses whether the returned rows refresh instances already in the session's identity map.
     * On by default; {@code false} opts out and leaves those instances as they were.
     *
     * @param synchronize whether to refresh instances already in the session
     * @return a new insert with the setting
     */
    public Insert<T> synchronizeSession(boolean synchronize) {
        return new Insert<>(entityType, rows, entityRows, conflictTarget, conflictAction, returning, synchronize);
    }

    @Override
    public Class<T> entityType() {
        return entityType;
    }

    /**
     * The rows given as maps, in the order added; each map keeps the order of {@link #rowProperties()}.
     *
     * @return an unmodifiable list of unmodifiable maps; empty if rows are entity instances
     */
    public List<Map<String, Object>> rows() {
        return rows;
    }

    /**
     * The property names every map row sets, in the first row's order.
     *
     * @return an unmodifiable list; empty if there is no map row
     */
    public List<String> rowProperties() {
        return rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet());
    }

    /**
     * The rows given as entity instances, in the order added.
     *
     * @return an unmodifiable list; empty if rows are maps
     */
    public List<T> entityRows() {
        return entityRows;
    }

    /**
     * What the {@code ON CONFLICT} clause watches, if there is one.
     *
     * @return the conflict target; present exactly when {@link #conflictAction()} is
     */
    public Optional<ConflictTarget> conflictTarget() {
        return Optional.ofNullable(conflictTarget);
    }

    /**
     * What to do on a conflict, if there is an {@code ON CONFLICT} clause.
     *
     * @return the conflict action; present exactly when {@link #conflictTarget()} is
     */
    public Optional<ConflictAction> conflictAction() {
        return Optional.ofNullable(conflictAction);
    }

    @Override
    public boolean isReturning() {
        return returning;
    }

    @Override
    public boolean isSynchronizeSession() {
        return synchronizeSession;
    }

    Insert<T> withConflict(ConflictTarget target, ConflictAction action) {
        return new Insert<>(entityType, rows, entityRows, target, action, returning, synchronizeSession);
    }

    private OnConflict<T> startConflict(ConflictTarget target) {
        if (conflictTarget != null) {
            throw new IllegalArgumentException("this insert into " + entityType.getSimpleName()
                    + " already has an ON CONFLICT clause (" + conflictTarget + "); an insert takes one");
        }
        return new OnConflict<>(this, target);
    }

    private Map<String, Object> inFirstRowOrder(Map<String, Object> row) {
        Set<String> expected = rows.get(0).keySet();
        if (!expected.equals(row.keySet())) {
            Set<String> missing = new LinkedHashSet<>(expected);
            missing.removeAll(row.keySet());
            Set<String> extra = new LinkedHashSet<>(row.keySet());
            extra.removeAll(expected);
            throw new IllegalArgumentException("every row of an insert into " + entityType.getSimpleName()
                    + " must set the same properties as the first row " + expected + "; this row lacks " + missing
                    + " and adds " + extra);
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        expected.forEach(property -> ordered.put(property, row.get(property)));
        return Collections.unmodifiableMap(ordered);
    }

    private IllegalArgumentException mixedRows() {
        return new IllegalArgumentException("an insert into " + entityType.getSimpleName()
                + " takes rows either as maps or as entity instances, not both; use two inserts");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Insert<?> insert
                && entityType == insert.entityType
                && rows.equals(insert.rows)
                && entityRows.equals(insert.entityRows)
                && Objects.equals(conflictTarget, insert.conflictTarget)
                && Objects.equals(conflictAction, insert.conflictAction)
                && returning == insert.returning
                && synchronizeSession == insert.synchronizeSession;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                entityType, rows, entityRows, conflictTarget, conflictAction, returning, synchronizeSession);
    }

    @Override
    public String toString() {
        // Row values stay out: they may be secrets, and a shape is what tells statements apart.
        return "Insert[entityType=" + entityType.getSimpleName() + ", rows=" + rows.size() + ", rowProperties="
                + rowProperties() + ", entityRows=" + entityRows.size() + ", conflictTarget=" + conflictTarget
                + ", conflictAction=" + (conflictAction == null ? null : conflictAction.getClass().getSimpleName())
                + ", returning=" + returning + ", synchronizeSession=" + synchronizeSession + "]";
    }
}
