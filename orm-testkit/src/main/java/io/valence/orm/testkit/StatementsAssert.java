package io.valence.orm.testkit;

import io.valence.orm.testkit.internal.StatementListing;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Fluent assertions over a selection of recorded statements, in AssertJ's style. Start from
 * {@link StatementRecorder#assertThat()}: the selection is every statement except transaction
 * control; {@link #updates()}, {@link #ofKind(StatementKind)} and friends narrow it. Every
 * failure message lists all statements seen, numbered, with their binding counts.
 */
public final class StatementsAssert {

    private final List<RecordedStatement> seen;
    private final List<RecordedStatement> selection;
    private final String description;

    private StatementsAssert(List<RecordedStatement> seen, List<RecordedStatement> selection, String description) {
        this.seen = seen;
        this.selection = selection;
        this.description = description;
    }

    /**
     * Assertions over a snapshot, such as {@link StatementRecorder#statements()}.
     *
     * @param statements the statements recorded
     * @return assertions over them, transaction control left out of the selection
     */
    public static StatementsAssert assertThatStatements(List<RecordedStatement> statements) {
        List<RecordedStatement> seen = List.copyOf(statements);
        return new StatementsAssert(
                seen, filter(seen, statement -> statement.kind() != StatementKind.TRANSACTION), "statements");
    }

    /**
     * Checks how many statements the selection holds.
     *
     * @param expected the exact number
     * @return this
     */
    public StatementsAssert hasStatementCount(int expected) {
        if (selection.size() != expected) {
            throw fail("Expected " + expected + " " + description + " but " + selection.size() + " were executed.");
        }
        return this;
    }

    /**
     * Checks the selection holds no more than {@code max} statements.
     *
     * @param max the most allowed
     * @return this
     */
    public StatementsAssert hasAtMostStatementCount(int max) {
        if (selection.size() > max) {
            throw fail("Expected at most " + max + " " + description + " but " + selection.size() + " were executed.");
        }
        return this;
    }

    /**
     * Checks the total number of round trips recorded, whatever the selection: every statement and
     * batch execution (all bindings of one execution count once) and every transaction-control
     * call, except those {@linkplain RecordedStatement#pipelined() pipelined} behind transaction
     * control still in flight on the same connection, which went out without waiting for it (a
     * session's BEGIN and its first statement are one round trip).
     *
     * @param expected the exact number
     * @return this
     */
    public StatementsAssert hasRoundTripCount(int expected) {
        long roundTrips = seen.stream().filter(statement -> !statement.pipelined()).count();
        if (roundTrips != expected) {
            throw fail("Expected " + expected + " round trips (statements and transaction control, pipelined ones"
                    + " not counted) but " + roundTrips + " were recorded.");
        }
        return this;
    }

    /**
     * Checks the selection is empty.
     *
     * @return this
     */
    public StatementsAssert hasNoStatements() {
        if (!selection.isEmpty()) {
            throw fail("Expected no " + description + " but " + selection.size() + " were executed.");
        }
        return this;
    }

    /**
     * Checks no UPDATE was executed.
     *
     * @return this
     */
    public StatementsAssert hasNoUpdates() {
        return hasNo(StatementKind.UPDATE);
    }

    /**
     * Checks no statement of the kind was executed.
     *
     * @param kind the kind that must not appear
     * @return this
     */
    public StatementsAssert hasNo(StatementKind kind) {
        List<RecordedStatement> found = filter(selection, statement -> statement.kind() == kind);
        if (!found.isEmpty()) {
            throw fail("Expected no " + kind + " among the " + description + " but found " + found.size()
                    + " (first: statement " + found.get(0).number() + ").", found.get(0));
        }
        return this;
    }

    /**
     * Checks no statement of the kind named (case-insensitive), e.g. {@code hasNo("UPDATE")}.
     *
     * @param kind a {@link StatementKind} name
     * @return this
     * @throws IllegalArgumentException when the name is not a statement kind
     */
    public StatementsAssert hasNo(String kind) {
        try {
            return hasNo(StatementKind.valueOf(kind.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + kind + "' is not a statement kind; use one of "
                    + Arrays.toString(StatementKind.values()) + ", or hasNoneContaining(…) for SQL text", e);
        }
    }

    /**
     * Checks no statement's SQL contains the fragment (case-insensitive).
     *
     * @param fragment SQL text
     * @return this
     */
    public StatementsAssert hasNoneContaining(String fragment) {
        String lower = fragment.toLowerCase(Locale.ROOT);
        List<RecordedStatement> found = filter(selection, statement -> statement.sql().toLowerCase(Locale.ROOT).contains(lower));
        if (!found.isEmpty()) {
            throw fail("Expected no " + description + " containing \"" + fragment + "\" but statement "
                    + found.get(0).number() + " does.", found.get(0));
        }
        return this;
    }

    /**
     * Checks the kinds of the selection, in order, e.g. {@code hasKinds(SELECT, INSERT, INSERT)}.
     *
     * @param kinds the expected kinds
     * @return this
     */
    public StatementsAssert hasKinds(StatementKind... kinds) {
        List<StatementKind> actual = selection.stream().map(RecordedStatement::kind).toList();
        if (!actual.equals(List.of(kinds))) {
            throw fail("Expected " + description + " of kinds " + Arrays.toString(kinds) + " but they were " + actual + ".");
        }
        return this;
    }

    /**
     * Checks every statement in the selection succeeded (none failed, none unfinished).
     *
     * @return this
     */
    public StatementsAssert allSucceeded() {
        for (RecordedStatement statement : selection) {
            if (statement.outcome() != RecordedStatement.Outcome.SUCCEEDED) {
                throw fail("Expected all " + description + " to succeed but statement " + statement.number() + " is "
                        + statement.outcome() + ".", statement);
            }
        }
        return this;
    }

    /**
     * Narrows to SELECT statements.
     *
     * @return assertions over the SELECTs
     */
    public StatementsAssert selects() {
        return ofKind(StatementKind.SELECT);
    }

    /**
     * Narrows to INSERT statements.
     *
     * @return assertions over the INSERTs
     */
    public StatementsAssert inserts() {
        return ofKind(StatementKind.INSERT);
    }

    /**
     * Narrows to UPDATE statements.
     *
     * @return assertions over the UPDATEs
     */
    public StatementsAssert updates() {
        return ofKind(StatementKind.UPDATE);
    }

    /**
     * Narrows to DELETE statements.
     *
     * @return assertions over the DELETEs
     */
    public StatementsAssert deletes() {
        return ofKind(StatementKind.DELETE);
    }

    /**
     * Narrows to statements of one kind (transaction control included when asked for).
     *
     * @param kind the kind to keep
     * @return assertions over those statements
     */
    public StatementsAssert ofKind(StatementKind kind) {
        return new StatementsAssert(seen, filter(seen, statement -> statement.kind() == kind), kind + " statements");
    }

    /**
     * Widens to everything recorded, transaction control included.
     *
     * @return assertions over every recorded execution
     */
    public StatementsAssert includingTransactionControl() {
        return new StatementsAssert(seen, seen, "statements (transaction control included)");
    }

    /**
     * Checks the selection holds exactly one statement and continues with it.
     *
     * @return assertions over that statement
     */
    public StatementAssert singleElement() {
        hasStatementCount(1);
        return new StatementAssert(selection.get(0), seen);
    }

    /**
     * Continues with the statement at a position of the selection.
     *
     * @param index from 0, within the selection (not the recording's numbering)
     * @return assertions over that statement
     */
    public StatementAssert element(int index) {
        if (index < 0 || index >= selection.size()) {
            throw fail("Expected a statement at index " + index + " of the " + description + " but there are "
                    + selection.size() + ".");
        }
        return new StatementAssert(selection.get(index), seen);
    }

    private AssertionError fail(String expectation) {
        return StatementListing.failure(expectation, seen, null);
    }

    private AssertionError fail(String expectation, RecordedStatement highlighted) {
        return StatementListing.failure(expectation, seen, highlighted);
    }

    private static List<RecordedStatement> filter(List<RecordedStatement> statements, Predicate<RecordedStatement> keep) {
        return statements.stream().filter(keep).toList();
    }
}
