package io.valence.orm.query;

/**
 * A data-manipulation statement on the table of one entity type, run by a session after it has
 * flushed pending changes: {@link Insert}, {@link Update} or {@link Delete}. SQLAlchemy 2.0's
 * {@code insert(…)}, {@code update(…)} and {@code delete(…)} used with {@code session.execute}.
 *
 * <p>Like every value of this package it only describes the statement, is immutable and compares
 * structurally.
 *
 * @param <T> the entity type whose table the statement changes
 */
public sealed interface Dml<T> permits Insert, Update, Delete {

    /**
     * The entity class whose table the statement changes.
     *
     * @return the entity class
     */
    Class<T> entityType();

    /**
     * Whether the statement returns the rows it changed ({@code RETURNING}), as entities.
     *
     * @return true after {@code returning()}
     */
    boolean isReturning();

    /**
     * Whether the session brings the instances already in its identity map in line with the rows
     * this statement changed (the default): inserted or updated rows refresh their instances,
     * deleted rows' instances leave the session. So the session never holds stale copies of
     * changed rows. SQLAlchemy's {@code synchronize_session}, and for upserts its
     * {@code populate_existing}, which is off by default there: the stale-object pitfall.
     *
     * @return false only after {@code synchronizeSession(false)}
     */
    boolean isSynchronizeSession();
}
