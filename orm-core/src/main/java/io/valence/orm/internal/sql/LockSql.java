package io.valence.orm.internal.sql;

import java.util.Arrays;
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

    /**
     * The transaction-scoped lock of one lookup: its key is the table, the lookup query's text and
     * its bound values as the driver receives them. Bound values, not the caller's objects: an entity
     * given for a many-to-one is bound as its id, so two sessions holding different instances of one
     * row take the same lock. The caller renders lookups in a canonical order (sorted properties).
     * Distinct lookups whose keys hash alike merely wait for each other.
     *
     * @param table the table the lookup reads
     * @param lookup the rendered lookup query
     * @return the statement
     */
    public static SqlStatement lookupLock(String table, SqlStatement lookup) {
        StringBuilder key = new StringBuilder(table).append('\n').append(lookup.sql());
        for (SqlStatement.Bind bind : lookup.binds()) {
            key.append('\n').append(bind.type().getName()).append('=').append(text(bind.value()));
        }
        return transactionLock(key.toString());
    }

    private static String text(Object value) {
        if (value == null) {
            return "null";
        }
        // arrays (bytea, array columns) print their contents, not their identity
        return value.getClass().isArray() ? Arrays.deepToString(new Object[] {value}) : value.toString();
    }
}
