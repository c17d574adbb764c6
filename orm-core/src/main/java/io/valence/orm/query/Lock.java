package io.valence.orm.query;

import java.util.List;
import java.util.Objects;

/**
 * The row lock a locking read takes: {@code FOR UPDATE} or {@code FOR SHARE}, how it waits for rows
 * another transaction locked, and which of the query's tables it locks. Made by
 * {@link Select#forUpdate()}, {@link Select#forShare()} and refined by {@link Select#noWait()},
 * {@link Select#skipLocked()} and {@link Select#of(String...)}; SQLAlchemy's {@code with_for_update},
 * Django's {@code select_for_update}.
 *
 * <p>The lock holds until the session's transaction ends ({@code commit()} or {@code rollback()}):
 * a session always runs its statements inside its transaction, which begins with its first statement.
 *
 * @param strength {@code FOR UPDATE} or {@code FOR SHARE}
 * @param whenLocked what to do about rows another transaction locked
 * @param of the relationship paths whose tables are locked besides the queried entity's; empty for the
 *     queried entity's rows only
 */
public record Lock(Strength strength, Wait whenLocked, List<String> of) {

    /** How strong the lock is. */
    public enum Strength {
        /** {@code FOR UPDATE}: no other transaction may lock, change or delete the rows. */
        UPDATE,
        /** {@code FOR SHARE}: others may read and share-lock the rows, but not change or delete them. */
        SHARE
    }

    /** What a locking read does about a row another transaction holds a conflicting lock on. */
    public enum Wait {
        /** Wait for the other transaction to end (PostgreSQL's default, bounded by {@code lockTimeout}). */
        WAIT,
        /** {@code NOWAIT}: fail at once with a {@code StatementTimeoutException} whose {@code isLockTimeout()} is true (SQLSTATE 55P03). */
        NOWAIT,
        /** {@code SKIP LOCKED}: leave the row out, as a work queue wants. */
        SKIP_LOCKED
    }

    /**
     * Checks that every part is present and copies the paths.
     *
     * @param strength the strength
     * @param whenLocked how it waits
     * @param of relationship paths; copied
     */
    public Lock {
        Objects.requireNonNull(strength, "strength must not be null");
        Objects.requireNonNull(whenLocked, "whenLocked must not be null");
        Objects.requireNonNull(of, "of must not be null");
        of.forEach(path -> PropertyNames.requirePath(path, "lock path"));
        of = List.copyOf(of);
    }
}
