package io.valence.orm;

import java.util.List;

/**
 * The database schema differs from the mapping ({@code Schema.validate()}): a table or column is
 * missing, a column has another type or nullability, a unique constraint or a foreign key's index
 * is absent. Lists every difference with its fix, so that one migration can remove them all.
 */
public class SchemaMismatchException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final List<SchemaDifference> differences;

    private SchemaMismatchException(String message, List<SchemaDifference> differences) {
        super(message);
        this.differences = List.copyOf(differences);
    }

    /**
     * Creates the exception for the differences found.
     *
     * @param differences every difference, at least one
     * @return the exception, with a message that lists each difference and its fix
     */
    public static SchemaMismatchException of(List<SchemaDifference> differences) {
        StringBuilder message = new StringBuilder("The database schema does not match the entity mapping (")
                .append(differences.size())
                .append(differences.size() == 1 ? " difference" : " differences")
                .append("); apply the fixes in a migration, or correct the mapping:");
        for (int i = 0; i < differences.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(differences.get(i));
        }
        return new SchemaMismatchException(message.toString(), differences);
    }

    /**
     * The differences, in table order.
     *
     * @return an unmodifiable list with at least one element
     */
    public List<SchemaDifference> differences() {
        return differences;
    }
}
