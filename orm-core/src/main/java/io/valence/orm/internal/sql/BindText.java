package io.valence.orm.internal.sql;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Writes bound values for a log line or a demo: arrays and collections as lists ({@code [1, 2, 3]},
 * not {@code [Ljava.lang.Long;@60551d59}), text quoted, and long values elided so that one line stays
 * readable: text after {@value #MAX_CHARS} characters, lists after {@value #MAX_ELEMENTS} elements,
 * bytes as their count.
 */
public final class BindText {
    static final int MAX_CHARS = 60;
    static final int MAX_ELEMENTS = 10;

    private BindText() {}

    /**
     * Writes the binds of a statement.
     *
     * @param binds the values, in parameter order
     * @return {@code $1=[1, 2, 3], $2='text', $3=null}, or an empty string without binds
     */
    public static String of(List<SqlStatement.Bind> binds) {
        return ofValues(binds.stream().map(SqlStatement.Bind::value).toList());
    }

    /**
     * Writes bound values as {@link #of} does, for callers that see values only (a proxy's record).
     *
     * @param values the values, in parameter order; {@code null} for SQL NULL
     * @return {@code $1=[1, 2, 3], $2='text', $3=null}, or an empty string without values
     */
    public static String ofValues(List<?> values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append('$').append(i + 1).append('=');
            value(text, values.get(i));
        }
        return text.toString();
    }

    private static void value(StringBuilder text, Object value) {
        if (value == null) {
            text.append("null");
        } else if (value instanceof byte[] bytes) {
            text.append('<').append(bytes.length).append(" bytes>");
        } else if (value instanceof CharSequence chars) {
            text.append('\'').append(elided(chars.toString())).append('\'');
        } else if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            elements(text, length, new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < length;
                }

                @Override
                public Object next() {
                    return Array.get(value, next++);
                }
            });
        } else if (value instanceof Collection<?> collection) {
            elements(text, collection.size(), collection.iterator());
        } else {
            text.append(elided(value.toString()));
        }
    }

    private static void elements(StringBuilder text, int size, Iterator<?> elements) {
        text.append('[');
        for (int i = 0; i < Math.min(size, MAX_ELEMENTS); i++) {
            if (i > 0) {
                text.append(", ");
            }
            value(text, elements.next());
        }
        if (size > MAX_ELEMENTS) {
            text.append(", … (").append(size).append(" elements)");
        }
        text.append(']');
    }

    private static String elided(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "… (" + text.length() + " chars)";
    }
}
