package io.valence.orm.testkit.internal;

import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.RecordedStatement.Outcome;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Renders the statements a recorder saw, numbered, for assertion messages: the reader of a
 * failed test sees what actually ran without re-running it with logging.
 */
public final class StatementListing {

    /** How much SQL each line keeps. */
    public static final int MAX_SQL_LENGTH = 200;

    private StatementListing() {}

    /**
     * An assertion failure: the sentence saying what was expected, then every statement seen.
     *
     * @param expectation what was expected and what was found
     * @param seen every statement recorded
     * @param highlighted the statement the assertion was about, marked with an arrow; may be null
     * @return the error to throw
     */
    public static AssertionError failure(String expectation, List<RecordedStatement> seen, @Nullable RecordedStatement highlighted) {
        return new AssertionError(expectation + System.lineSeparator() + render(seen, highlighted));
    }

    /**
     * The numbered list, one statement per line, SQL on one line and cut to {@value #MAX_SQL_LENGTH} characters.
     *
     * @param seen the statements
     * @param highlighted a statement to mark, or null
     * @return the listing, starting with a header line
     */
    public static String render(List<RecordedStatement> seen, @Nullable RecordedStatement highlighted) {
        if (seen.isEmpty()) {
            return "Statements seen: none.";
        }
        StringBuilder listing = new StringBuilder("Statements seen (").append(seen.size()).append("):");
        for (RecordedStatement statement : seen) {
            listing.append(System.lineSeparator())
                    .append(statement.equals(highlighted) ? "-> " : "   ")
                    .append(String.format("%2d. [%s]", statement.number(), details(statement)))
                    .append(' ')
                    .append(SqlInspection.oneLine(statement.sql(), MAX_SQL_LENGTH));
        }
        return listing.toString();
    }

    private static String details(RecordedStatement statement) {
        StringBuilder details = new StringBuilder(statement.kind().name());
        if (statement.batch()) {
            details.append(" batch");
        }
        details.append(", ").append(statement.bindings()).append(statement.bindings() == 1 ? " binding" : " bindings");
        details.append(", connection ").append(statement.connectionId());
        if (statement.pipelined()) {
            details.append(", pipelined");
        }
        if (statement.outcome() == Outcome.FAILED) {
            details.append(", FAILED: ").append(SqlInspection.oneLine(String.valueOf(statement.failure()), 120));
        } else if (statement.outcome() == Outcome.UNFINISHED) {
            details.append(", unfinished");
        }
        return details.toString();
    }
}
