package io.valence.orm.internal.mapping;

/**
 * One column of an entity's table.
 *
 * @param property the Java property name; for a foreign key, the many-to-one relationship's name
 * @param column the column name, unquoted
 * @param type the column's type and conversion
 * @param nullable whether NULL is allowed (primitive, {@code @Id} and {@code nullable = false} are NOT NULL)
 * @param unique whether a single-column UNIQUE constraint is declared
 * @param role what the column is for
 * @param accessor reads and writes the field; for a foreign key, the relationship field holding the target
 */
public record ColumnMapping(
        String property, String column, ColumnType type, boolean nullable, boolean unique, Role role, FieldAccessor accessor) {

    /** What a column is for. */
    public enum Role {
        /** The primary key. */
        ID,
        /** The {@code @Version} counter for optimistic locking. */
        VERSION,
        /** A plain value column. */
        BASIC,
        /** The foreign key of an owning to-one relationship; its value is the target's id. */
        FOREIGN_KEY
    }

    /**
     * Whether this column holds a foreign key.
     *
     * @return {@code true} for the column of a many-to-one or owning one-to-one
     */
    public boolean isForeignKey() {
        return role == Role.FOREIGN_KEY;
    }
}
