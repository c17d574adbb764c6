package io.valence.orm.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LockSqlTest {
    private static final String LOOKUP = "SELECT t0.\"id\" FROM \"label\" AS t0 WHERE t0.\"name\" = $1";

    private static SqlStatement lookup(Object value, Class<?> type) {
        return new SqlStatement(LOOKUP, List.of(new SqlStatement.Bind(value, type)));
    }

    private static Object key(SqlStatement lock) {
        return lock.binds().get(0).value();
    }

    @Test
    void transactionLockHashesItsKeyOnTheServerAndHoldsItUntilTheTransactionEnds() {
        SqlStatement lock = LockSql.transactionLock("k");
        assertThat(lock.sql()).isEqualTo("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))");
        assertThat(lock.binds()).containsExactly(new SqlStatement.Bind("k", String.class));
    }

    @Test
    void equalLookupsTakeTheSameLock() {
        assertThat(key(LockSql.lookupLock("label", lookup("a", String.class))))
                .isEqualTo(key(LockSql.lookupLock("label", lookup(new String("a"), String.class))));
    }

    @Test
    void lookupsDifferingInTableValueOrQueryTakeDifferentLocks() {
        Object base = key(LockSql.lookupLock("label", lookup("a", String.class)));
        assertThat(key(LockSql.lookupLock("other", lookup("a", String.class)))).isNotEqualTo(base);
        assertThat(key(LockSql.lookupLock("label", lookup("b", String.class)))).isNotEqualTo(base);
        assertThat(key(LockSql.lookupLock("label", lookup(null, String.class)))).isNotEqualTo(base);
        SqlStatement otherQuery = new SqlStatement(LOOKUP.replace("name", "colour"), lookup("a", String.class).binds());
        assertThat(key(LockSql.lookupLock("label", otherQuery))).isNotEqualTo(base);
    }

    @Test
    void arrayValuesAreKeyedByTheirContentsNotTheirIdentity() {
        assertThat(key(LockSql.lookupLock("label", lookup(new byte[] {1, 2}, byte[].class))))
                .isEqualTo(key(LockSql.lookupLock("label", lookup(new byte[] {1, 2}, byte[].class))))
                .isNotEqualTo(key(LockSql.lookupLock("label", lookup(new byte[] {1, 3}, byte[].class))));
    }
}
