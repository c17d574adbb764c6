package io.valence.orm.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.testkit.StatementKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlInspectionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM t | SELECT",
        "  select 1 | SELECT",
        "(SELECT 1) UNION (SELECT 2) | SELECT",
        "VALUES (1) | SELECT",
        "-- comment\\n/* block /* nested */ */ INSERT INTO t VALUES ($1) | INSERT",
        "update t set a = 1 | UPDATE",
        "DELETE FROM t WHERE id = $1 | DELETE",
        "WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved | INSERT",
        "WITH RECURSIVE r AS (SELECT 1) SELECT * FROM r | SELECT",
        "WITH v AS MATERIALIZED (SELECT 1 AS k), i AS (INSERT INTO t (id) SELECT k FROM v) SELECT k FROM v | INSERT",
        "CREATE TABLE t (id int) | DDL",
        "TRUNCATE t | DDL",
        "BEGIN | TRANSACTION",
        "COMMIT (Connection.commitTransaction) | TRANSACTION",
        "SAVEPOINT s1 | TRANSACTION",
        "SET search_path TO x | OTHER",
        "'' | OTHER",
    })
    void kindComesFromTheLeadingKeyword(String sql, StatementKind kind) {
        assertThat(SqlInspection.kindOf(sql.replace("\\n", "\n"))).isEqualTo(kind);
    }

    @Test
    void setColumnsReadsUnquotedAndQuotedIdentifiers() {
        assertThat(SqlInspection.setColumns("UPDATE \"order\" SET Value = $1, \"Name\" = $2 WHERE id = $3 AND version = $4"))
                .contains(List.of("value", "Name"));
    }

    @Test
    void setColumnsReadsMultiColumnAssignmentsAndIgnoresExpressions() {
        assertThat(SqlInspection.setColumns(
                        "UPDATE t AS x SET (a, \"B\") = ($1, $2), c = coalesce(c, 'WHERE a = 1'), d = (SELECT max(e) FROM u)"
                                + " FROM v WHERE x.id = v.id RETURNING a"))
                .contains(List.of("a", "B", "c", "d"));
    }

    @Test
    void setColumnsUnescapesDoubledQuotes() {
        assertThat(SqlInspection.setColumns("UPDATE t SET \"a\"\"b\" = 1")).contains(List.of("a\"b"));
    }

    @Test
    void setColumnsIgnoresSetInsideStringsAndSubqueries() {
        assertThat(SqlInspection.setColumns("SELECT 'UPDATE t SET x = 1'")).isEmpty();
        assertThat(SqlInspection.setColumns("SELECT (SELECT 1 FROM t WHERE x = 'UPDATE t SET y = 1')")).isEmpty();
    }

    @Test
    void setColumnsOfADataModifyingCteAreItsUpdates() {
        assertThat(SqlInspection.setColumns("WITH u AS (UPDATE t AS x SET a = v.c1, \"B\" = x.\"B\" + 1 FROM unnest($1)"
                        + " AS v(k, c1) WHERE x.id = v.k RETURNING x.id AS k) SELECT count(*) FROM u"))
                .contains(List.of("a", "B"));
    }

    @Test
    void setColumnsPreferTheTopLevelUpdateToOneInACte() {
        assertThat(SqlInspection.setColumns("WITH u AS (UPDATE s SET a = 1 RETURNING id) UPDATE t SET b = 2 FROM u"))
                .contains(List.of("b"));
    }

    @Test
    void setColumnsOfCteUpdateReadTheMainStatement() {
        assertThat(SqlInspection.setColumns("WITH s AS (SELECT 1) UPDATE t SET b = $1 WHERE id = $2")).contains(List.of("b"));
    }

    @Test
    void oneLineCollapsesWhitespaceAndTruncates() {
        assertThat(SqlInspection.oneLine(" SELECT\n  a,\n\tb FROM t ", 200)).isEqualTo("SELECT a, b FROM t");
        assertThat(SqlInspection.oneLine("x".repeat(250), 200)).isEqualTo("x".repeat(200) + "… (250 chars)");
    }

    @Test
    void dollarQuotedBodiesAreSkipped() {
        assertThat(SqlInspection.kindOf("$$ UPDATE $$ ; SELECT 1")).isEqualTo(StatementKind.SELECT);
    }
}
