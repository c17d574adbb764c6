package io.valence.orm.internal.sql;

/**
 * Quotes PostgreSQL identifiers. Valence always quotes, so reserved words ({@code "order"},
 * {@code "user"}) and mixed case work as column and table names, and no name can inject SQL.
 */
public final class Identifiers {
    private Identifiers() {}

    /**
     * Quotes one identifier, doubling embedded quotes.
     *
     * @param name the unquoted name
     * @return the quoted identifier, e.g. {@code "parent_id"}
     */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Quotes a qualified reference {@code alias.column}.
     *
     * @param alias the table alias, used as is (Valence generates aliases such as {@code t0})
     * @param column the unquoted column name
     * @return e.g. {@code t0."parent_id"}
     */
    public static String qualified(String alias, String column) {
        return alias + '.' + quote(column);
    }

    /**
     * Renders a string literal, doubling embedded single quotes. Used only for identifiers passed to
     * functions such as {@code pg_get_serial_sequence}, never for user values (those are bound).
     *
     * @param text the text
     * @return the literal, e.g. {@code 'child'}
     */
    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
