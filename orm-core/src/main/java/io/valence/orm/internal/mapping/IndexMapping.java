package io.valence.orm.internal.mapping;

import java.util.List;

/**
 * An index or unique constraint on a table, declared with {@code @Table} or implied by a foreign key.
 *
 * @param name the name, or {@code null} to let the DDL derive one
 * @param columns the column names in order
 * @param unique whether it enforces uniqueness
 */
public record IndexMapping(String name, List<String> columns, boolean unique) {
    /** Copies the column list. */
    public IndexMapping {
        columns = List.copyOf(columns);
    }
}
