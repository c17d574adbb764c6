package io.valence.orm.internal.sql;

import java.util.List;

/**
 * SQL text with positional parameters ({@code $1, $2, …}) and the values bound to them. Values are
 * always bound, never spliced into the text.
 *
 * @param sql the text
 * @param binds the values, in parameter order
 */
public record SqlStatement(String sql, List<Bind> binds) {
    /** Copies the binds. */
    public SqlStatement {
        binds = List.copyOf(binds);
    }

    /**
     * One bound value and its Java type, which the driver needs when the value is {@code null}.
     *
     * @param value the value, possibly {@code null}
     * @param type the type to bind as
     */
    public record Bind(Object value, Class<?> type) {}

    /**
     * The text shortened for messages.
     *
     * @return at most 300 characters of SQL
     */
    public String abbreviated() {
        return sql.length() <= 300 ? sql : sql.substring(0, 297) + "...";
    }
}
