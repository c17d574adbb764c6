package io.valence.orm.query;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code DELETE} of the rows of an entity's table that match a condition: SQLAlchemy 2.0's
 * {@code delete(Child).where(…)}, Django's {@code QuerySet.delete} (without Django's cascades in
 * Python: the database's foreign keys decide). It deletes rows directly, without loading them;
 * the session flushes pending changes first.
 *
 * <pre>{@code
 * Delete<Child> orphans = Delete.from(Child.class).where(Condition.isNull("parent"));
 * }</pre>
 *
 * <p>Without a condition, every row of the table is deleted.
 *
 * <p>Immutable: every builder method returns a new {@code Delete}. Equality is structural.
 *
 * @param <T> the entity type
 */
public final class Delete<T> implements Dml<T> {

    private final Class<T> entityType;
    private final Condition where;
    private final boolean returning;
    private final boolean synchronizeSession;

    private Delete(Class<T> entityType, Condition where, boolean returning, boolean synchronizeSession) {
        this.entityType = entityType;
        this.where = where;
        this.returning = returning;
        this.synchronizeSession = synchronizeSession;
    }

    /**
     * Starts a delete from the table of {@code type}.
     *
     * @param type the entity class
     * @param <T> the entity type
     * @return a delete without condition, that is of every row until a condition is added
     */
    public static <T> Delete<T> from(Class<T> type) {
        Objects.requireNonNull(type, "entity type must not be null");
        return new Delete<>(type, null, false, true);
    }

    /**
     * Restricts the delete to rows matching a condition, ANDed with the conditions already there.
     *
     * @param condition the condition
     * @return a new delete with the condition added
     */
    public Delete<T> where(Condition condition) {
        Objects.requireNonNull(condition, "condition must not be null");
        Condition combined = where == null ? condition : where.and(condition);
        return new Delete<>(entityType, combined, returning, synchronizeSession);
    }

    /**
     * Restricts the delete to rows where {@code property = value} (null means {@code IS NULL}):
     * {@code where(Condition.eq(property, value))}.
     *
     * @param property a property name or path
     * @param value any value
     * @return a new delete with the condition added
     */
    public Delete<T> filterBy(String property, Object value) {
        return where(Condition.eq(property, value));
    }

    /**
     * Returns the deleted rows as entities: {@code RETURNING *}.
     *
     * @return a new delete that returns its rows
     */
    public Delete<T> returning() {
        return new Delete<>(entityType, where, true, synchronizeSession);
    }

    /**
     * Chooses whether instances of the deleted rows already in the session's identity map leave
     * the session (the default); {@code false} opts out and leaves them as they were.
     *
     * @param synchronize whether to update instances already in the session
     * @return a new delete with the setting
     */
    public Delete<T> synchronizeSession(boolean synchronize) {
        return new Delete<>(entityType, where, returning, synchronize);
    }

    @Override
    public Class<T> entityType() {
        return entityType;
    }

    /**
     * All conditions ANDed together, or empty for a delete of every row.
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
        return other instanceof Delete<?> delete
                && entityType == delete.entityType
                && Objects.equals(where, delete.where)
                && returning == delete.returning
                && synchronizeSession == delete.synchronizeSession;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entityType, where, returning, synchronizeSession);
    }

    @Override
    public String toString() {
        // Values stay out: they may be secrets, and the shape is what tells statements apart.
        return "Delete[entityType=" + entityType.getSimpleName() + ", where=" + where
                + ", returning=" + returning + ", synchronizeSession=" + synchronizeSession + "]";
    }
}
