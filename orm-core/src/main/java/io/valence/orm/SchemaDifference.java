package io.valence.orm;

import java.util.Objects;

/**
 * One way in which the database differs from what the mapping expects, found by
 * {@code Schema.validate()}, with the statement (or mapping change) that removes it.
 *
 * @param table the table, as the mapping names it
 * @param column the column, or {@code null} for a difference of the whole table or of several columns
 * @param problem what differs, as a sentence naming table and column
 * @param fix what to do: usually the DDL to run (for a migration), or the mapping change
 */
public record SchemaDifference(String table, String column, String problem, String fix) {

    /**
     * Checks the parts.
     *
     * @param table the table
     * @param column the column, or {@code null}
     * @param problem what differs
     * @param fix what to do
     */
    public SchemaDifference {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
    }

    /**
     * The difference and its fix as one line.
     *
     * @return {@code problem + " Fix: " + fix}
     */
    @Override
    public String toString() {
        return problem + " Fix: " + fix;
    }
}
