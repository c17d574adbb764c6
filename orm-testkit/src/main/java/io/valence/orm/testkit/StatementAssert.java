package io.valence.orm.testkit;

import io.valence.orm.testkit.internal.SqlInspection;
import io.valence.orm.testkit.internal.StatementListing;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fluent assertions on one recorded statement, reached through {@link StatementsAssert}. Every
 * failure message names the statement and lists all statements seen, this one marked.
 */
public final class StatementAssert {

    private final RecordedStatement statement;
    private final List<RecordedStatement> seen;

    StatementAssert(RecordedStatement statement, List<RecordedStatement> seen) {
        this.statement = statement;
        this.seen = seen;
    }

    /**
     * The statement under assertion, for checks of your own.
     *
     * @return the statement
     */
    public RecordedStatement actual() {
        return statement;
    }

    /**
     * Checks the statement's kind.
     *
     * @param expected the kind
     * @return this
     */
    public StatementAssert hasKind(StatementKind expected) {
        if (statement.kind() != expected) {
            throw fail("to be " + expected + " but it is " + statement.kind() + ".");
        }
        return this;
    }

    /**
     * Checks how many sets of bind values the execution carried.
     *
     * @param expected the number of bindings ({@code add()}ed sets), 0 for none
     * @return this
     */
    public StatementAssert hasBindings(int expected) {
        if (statement.bindings() != expected) {
            throw fail("to have " + expected + " bindings but it has " + statement.bindings() + ".");
        }
        return this;
    }

    /**
     * Checks the SQL text, ignoring differences in white space.
     *
     * @param expected the SQL
     * @return this
     */
    public StatementAssert hasSql(String expected) {
        if (!normalize(statement.sql()).equals(normalize(expected))) {
            throw fail("to have SQL \"" + normalize(expected) + "\".");
        }
        return this;
    }

    /**
     * Checks the SQL text contains a fragment (case-insensitive).
     *
     * @param fragment SQL text
     * @return this
     */
    public StatementAssert sqlContains(String fragment) {
        if (!statement.sql().toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT))) {
            throw fail("to contain \"" + fragment + "\".");
        }
        return this;
    }

    /**
     * Checks an UPDATE sets exactly these columns, in any order. Names are compared as
     * PostgreSQL stores them: unquoted identifiers in the SQL fold to lower case.
     *
     * @param columns the columns the SET clause must assign, and no others
     * @return this
     */
    public StatementAssert setsOnly(String... columns) {
        Set<String> actual = new LinkedHashSet<>(setColumns());
        Set<String> expected = new LinkedHashSet<>(List.of(columns));
        if (!actual.equals(expected)) {
            throw fail("to set only " + expected + " but it sets " + actual + ".");
        }
        return this;
    }

    /**
     * Checks an UPDATE sets at least these columns.
     *
     * @param columns columns the SET clause must assign
     * @return this
     */
    public StatementAssert sets(String... columns) {
        List<String> actual = setColumns();
        if (!actual.containsAll(List.of(columns))) {
            throw fail("to set " + List.of(columns) + " but it sets " + actual + ".");
        }
        return this;
    }

    /**
     * Checks the execution succeeded.
     *
     * @return this
     */
    public StatementAssert succeeded() {
        if (statement.outcome() != RecordedStatement.Outcome.SUCCEEDED) {
            throw fail("to have succeeded but it is " + statement.outcome() + ".");
        }
        return this;
    }

    /**
     * Checks the execution failed.
     *
     * @return this
     */
    public StatementAssert failed() {
        if (statement.outcome() != RecordedStatement.Outcome.FAILED) {
            throw fail("to have failed but it is " + statement.outcome() + ".");
        }
        return this;
    }

    private List<String> setColumns() {
        return SqlInspection.setColumns(statement.sql())
                .orElseThrow(() -> fail("to be an UPDATE with a SET clause but it is " + statement.kind() + "."));
    }

    private AssertionError fail(String expectation) {
        return StatementListing.failure("Expected statement " + statement.number() + " ("
                + SqlInspection.oneLine(statement.sql(), 80) + ") " + expectation, seen, statement);
    }

    private static String normalize(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }
}
