package io.valence.orm.internal.sql;

import java.util.List;

/** Statements that take PostgreSQL advisory locks. */
public final class LockSql {
    private LockSql() {}

    /**
     * A transaction-scoped advisory lock on a text key: held until COMMIT or ROLLBACK, so concurrent
     * transactions asking for the same key run one after another.
     *
     * @param key the text the lock is derived from (hashed by the server)
     * @return the statement
     */
    public static SqlStatement transactionLock(String key) {
        return new SqlStatement("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                List.of(new SqlStatement.Bind(key, String.class)));
    }
}
