package io.valence.orm.internal.schema;

import io.valence.orm.internal.load.ResultRow;
import io.valence.orm.internal.sql.SqlStatement;
import java.util.Collection;
import java.util.List;

/**
 * What PostgreSQL's catalog says about the tables of a mapping: their columns and their indexes
 * (unique constraints and primary keys are indexes too). The catalog reads are the two statements
 * here, read through {@code pg_catalog} for the tables that the session's {@code search_path}
 * resolves ({@code pg_table_is_visible}), as unqualified names in Valence's SQL are resolved.
 *
 * @param columns every column of the tables found
 * @param indexes every plain-column, non-partial index of those tables
 */
public record DatabaseCatalog(List<Column> columns, List<Index> indexes) {

    /** The columns query: table, column, type as {@code format_type} spells it, NOT NULL, generated. */
    private static final String COLUMNS = "SELECT c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
            + " a.attnotnull, a.atthasdef OR a.attidentity <> ''"
            + " FROM pg_catalog.pg_attribute a"
            + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
            + " WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
            + " AND pg_catalog.pg_table_is_visible(c.oid) AND c.relname = ANY($1)"
            + " ORDER BY c.relname, a.attnum";

    /** The indexes query: table, index, its columns in order, unique; expression and partial indexes left out. */
    private static final String INDEXES = "SELECT c.relname, ic.relname,"
            + " ARRAY(SELECT a.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, position)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " ORDER BY k.position)::text[], i.indisunique"
            + " FROM pg_catalog.pg_index i"
            + " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid"
            + " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
            + " WHERE i.indexprs IS NULL AND i.indpred IS NULL"
            + " AND pg_catalog.pg_table_is_visible(c.oid) AND c.relname = ANY($1)"
            + " ORDER BY c.relname, ic.relname";

    /**
     * Copies the lists.
     *
     * @param columns the columns
     * @param indexes the indexes
     */
    public DatabaseCatalog {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
    }

    /**
     * The statement that reads the columns of some tables; rows go through {@link Column#read}.
     *
     * @param tables the table names
     * @return the statement, the names bound as one array
     */
    public static SqlStatement columnsOf(Collection<String> tables) {
        return new SqlStatement(COLUMNS, List.of(namesBind(tables)));
    }

    /**
     * The statement that reads the indexes of some tables; rows go through {@link Index#read}.
     *
     * @param tables the table names
     * @return the statement, the names bound as one array
     */
    public static SqlStatement indexesOf(Collection<String> tables) {
        return new SqlStatement(INDEXES, List.of(namesBind(tables)));
    }

    private static SqlStatement.Bind namesBind(Collection<String> tables) {
        return new SqlStatement.Bind(tables.toArray(String[]::new), String[].class);
    }

    /**
     * A column as the catalog describes it.
     *
     * @param table its table
     * @param name its name
     * @param type its type as {@code format_type} spells it ({@code character varying(50)})
     * @param notNull whether it is NOT NULL
     * @param generated whether the database fills it when an INSERT leaves it out (a default or identity)
     */
    public record Column(String table, String name, String type, boolean notNull, boolean generated) {
        /**
         * Reads a row of {@link #columnsOf}.
         *
         * @param row the row
         * @return the column
         */
        public static Column read(ResultRow row) {
            return new Column(row.get(0, String.class), row.get(1, String.class), row.get(2, String.class),
                    row.get(3, Boolean.class), row.get(4, Boolean.class));
        }
    }

    /**
     * An index (a unique constraint or primary key is one too).
     *
     * @param table its table
     * @param name its name
     * @param columns its columns, in index order
     * @param unique whether it is unique
     */
    public record Index(String table, String name, List<String> columns, boolean unique) {
        /**
         * Copies the columns.
         *
         * @param table its table
         * @param name its name
         * @param columns its columns
         * @param unique whether it is unique
         */
        public Index {
            columns = List.copyOf(columns);
        }

        /**
         * Reads a row of {@link #indexesOf}.
         *
         * @param row the row
         * @return the index
         */
        public static Index read(ResultRow row) {
            return new Index(row.get(0, String.class), row.get(1, String.class), List.of(row.get(2, String[].class)),
                    row.get(3, Boolean.class));
        }
    }
}
