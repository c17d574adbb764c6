package io.valence.orm.internal.state;

/** Where an object stands in its session (SQLAlchemy's object states). */
public enum Status {
    /** Added, not yet inserted. */
    PENDING,
    /** Has a row, tracked by the identity map. */
    PERSISTENT,
    /** Marked for deletion at the next flush. */
    DELETED
}
