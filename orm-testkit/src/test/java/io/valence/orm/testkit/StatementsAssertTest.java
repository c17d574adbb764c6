package io.valence.orm.testkit;

import static io.valence.orm.testkit.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.testkit.RecordedStatement.Outcome;
import io.valence.orm.testkit.internal.SqlInspection;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementsAssertTest {

    private static RecordedStatement statement(int number, String sql, int bindings) {
        return statement(number, sql, bindings, false);
    }

    private static RecordedStatement statement(int number, String sql, int bindings, boolean pipelined) {
        return new RecordedStatement(number, SqlInspection.kindOf(sql), sql, bindings, false, "1", pipelined,
                Outcome.SUCCEEDED, Duration.ofMillis(1), null, Collections.nCopies(bindings, List.of()));
    }

    private static final List<RecordedStatement> FLUSH = List.of(
            statement(1, "BEGIN (Connection.beginTransaction)", 0),
            statement(2, "SELECT id, value FROM item WHERE id = $1", 1),
            statement(3, "UPDATE item SET value = $1, version = $2 WHERE id = $3 AND version = $4", 1),
            statement(4, "COMMIT (Connection.commitTransaction)", 0));

    @Test
    void failingCountAssertionListsEveryStatementSeenNumberedWithBindings() {
        String separator = System.lineSeparator();

        assertThatThrownBy(() -> assertThatStatements(FLUSH).hasStatementCount(1))
                .isInstanceOf(AssertionError.class)
                .hasMessage(String.join(separator,
                        "Expected 1 statements but 2 were executed.",
                        "Statements seen (4):",
                        "    1. [TRANSACTION, 0 bindings, connection 1] BEGIN (Connection.beginTransaction)",
                        "    2. [SELECT, 1 binding, connection 1] SELECT id, value FROM item WHERE id = $1",
                        "    3. [UPDATE, 1 binding, connection 1] UPDATE item SET value = $1, version = $2 WHERE id = $3 AND version = $4",
                        "    4. [TRANSACTION, 0 bindings, connection 1] COMMIT (Connection.commitTransaction)"));
    }

    @Test
    void statementCountsLeaveTransactionControlOutAndRoundTripsCountIt() {
        assertThatCode(() -> assertThatStatements(FLUSH)
                        .hasStatementCount(2)
                        .hasAtMostStatementCount(2)
                        .hasRoundTripCount(4)
                        .hasKinds(StatementKind.SELECT, StatementKind.UPDATE)
                        .allSucceeded())
                .doesNotThrowAnyException();
        assertThatCode(() -> assertThatStatements(FLUSH).includingTransactionControl().hasStatementCount(4))
                .doesNotThrowAnyException();
    }

    @Test
    void aPipelinedExecutionAddsNoRoundTripAndIsMarkedInTheListing() {
        List<RecordedStatement> pipelinedBegin = List.of(
                statement(1, "BEGIN (Connection.beginTransaction)", 0),
                statement(2, "SELECT id, value FROM item WHERE id = $1", 1, true),
                statement(3, "COMMIT (Connection.commitTransaction)", 0));

        assertThatCode(() -> assertThatStatements(pipelinedBegin).hasStatementCount(1).hasRoundTripCount(2))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThatStatements(pipelinedBegin).hasRoundTripCount(3))
                .hasMessageStartingWith("Expected 3 round trips (statements and transaction control, pipelined ones not"
                        + " counted) but 2 were recorded.")
                .hasMessageContaining("    2. [SELECT, 1 binding, connection 1, pipelined] SELECT id, value FROM item");
    }

    @Test
    void setsOnlyChecksTheColumnsOfTheSetClause() {
        assertThatCode(() -> assertThatStatements(FLUSH).updates().singleElement().setsOnly("version", "value").hasBindings(1))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> assertThatStatements(FLUSH).updates().singleElement().setsOnly("value"))
                .hasMessageStartingWith("Expected statement 3 (UPDATE item SET value = $1, version = $2 WHERE id = $3 AND"
                        + " version = $4) to set only [value] but it sets [value, version].")
                .hasMessageContaining("->  3. [UPDATE");
    }

    @Test
    void hasNoUpdateNamesTheOffendingStatement() {
        assertThatThrownBy(() -> assertThatStatements(FLUSH).hasNo("update"))
                .hasMessageStartingWith("Expected no UPDATE among the statements but found 1 (first: statement 3).")
                .hasMessageContaining("->  3.");
        assertThatThrownBy(() -> assertThatStatements(FLUSH).hasNoUpdates()).isInstanceOf(AssertionError.class);
        assertThatCode(() -> assertThatStatements(FLUSH).hasNo(StatementKind.DELETE).deletes().hasNoStatements())
                .doesNotThrowAnyException();
    }

    @Test
    void hasNoWithUnknownKindIsAnArgumentMistake() {
        assertThatThrownBy(() -> assertThatStatements(FLUSH).hasNo("UPSERT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'UPSERT' is not a statement kind");
    }

    @Test
    void longSqlIsTruncatedInTheListing() {
        String longSql = "SELECT " + "a_rather_long_column_name, ".repeat(20) + "z FROM t";

        assertThatThrownBy(() -> assertThatStatements(List.of(statement(1, longSql, 0))).hasNoStatements())
                .hasMessageContaining("… (" + longSql.length() + " chars)")
                .hasMessageNotContaining("z FROM t");
    }

    @Test
    void emptyRecordingSaysSo() {
        assertThatThrownBy(() -> assertThatStatements(List.of()).hasStatementCount(1))
                .hasMessage("Expected 1 statements but 0 were executed." + System.lineSeparator() + "Statements seen: none.");
    }

    @Test
    void failedStatementShowsItsError() {
        RecordedStatement failed = new RecordedStatement(1, StatementKind.INSERT, "INSERT INTO t VALUES ($1)", 1, false, "7",
                false, Outcome.FAILED, Duration.ZERO, "R2dbcDataIntegrityViolationException: duplicate key", List.of(List.of(1)));

        assertThatThrownBy(() -> assertThatStatements(List.of(failed)).allSucceeded())
                .hasMessageContaining("[INSERT, 1 binding, connection 7, FAILED: R2dbcDataIntegrityViolationException: duplicate key]");
    }
}
