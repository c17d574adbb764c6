package io.valence.orm.internal.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the parameters of hand-written SQL: {@code :name} (rewritten to {@code $n}, one number per
 * name) or {@code $n}, never both. Text in single quotes (with {@code ''}, and backslash escapes in
 * {@code E'…'}), double-quoted identifiers, dollar-quoted strings, line and (nested) block comments
 * and {@code ::} casts are copied as they are.
 */
final class NativeSql {
    private final String sql;
    private final StringBuilder out;
    private final Map<String, Integer> names = new LinkedHashMap<>();
    private int maxPosition;
    private int i;

    /**
     * The text to send and what each {@code $n} binds.
     *
     * @param sql the text, named parameters replaced by {@code $n}
     * @param parameters for {@code $n}, at index n - 1: the name ({@code String}) or position ({@code Integer}) bound to it
     */
    record Parsed(String sql, List<Object> parameters) {}

    private NativeSql(String sql) {
        this.sql = sql;
        this.out = new StringBuilder(sql.length());
    }

    static Parsed parse(String sql) {
        return new NativeSql(sql).parse();
    }

    private Parsed parse() {
        while (i < sql.length()) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
            if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e') && !identifierBefore(i - 1);
                quoted('\'', escapes);
            } else if (c == '"') {
                quoted('"', false);
            } else if (c == '-' && next == '-') {
                copyUntil("\n");
            } else if (c == '/' && next == '*') {
                blockComment();
            } else if (c == '$' && Character.isDigit(next) && !identifierBefore(i)) {
                positional();
            } else if (c == '$' && !identifierBefore(i) && dollarTag() != null) {
                String tag = dollarTag();
                out.append(tag);
                i += tag.length();
                copyUntil(tag);
            } else if (c == ':' && next == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && Character.isJavaIdentifierStart(next)) {
                named();
            } else {
                out.append(c);
                i++;
            }
        }
        if (!names.isEmpty() && maxPosition > 0) {
            throw QueryErrors.nativeMixedParameters(sql);
        }
        List<Object> parameters = new ArrayList<>();
        if (names.isEmpty()) {
            for (int position = 1; position <= maxPosition; position++) {
                parameters.add(position);
            }
        } else {
            parameters.addAll(names.keySet());
        }
        return new Parsed(out.toString(), parameters);
    }

    private boolean identifierBefore(int index) {
        return index > 0 && Character.isJavaIdentifierPart(sql.charAt(index - 1));
    }

    private void quoted(char quote, boolean backslashEscapes) {
        out.append(quote);
        i++;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            out.append(c);
            i++;
            if (backslashEscapes && c == '\\' && i < sql.length()) {
                out.append(sql.charAt(i));
                i++;
            } else if (c == quote) {
                if (i < sql.length() && sql.charAt(i) == quote) {
                    out.append(quote); // a doubled quote stays inside
                    i++;
                } else {
                    return;
                }
            }
        }
    }

    /** Copies up to and including {@code end}, or to the end of the text. */
    private void copyUntil(String end) {
        int found = sql.indexOf(end, i);
        int stop = found < 0 ? sql.length() : found + end.length();
        out.append(sql, i, stop);
        i = stop;
    }

    private void blockComment() {
        int depth = 0;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                out.append("/*");
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                out.append("*/");
                i += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                out.append(sql.charAt(i));
                i++;
            }
        }
    }

    /** {@code $tag$} or {@code $$} starting at i, or null. */
    private String dollarTag() {
        int end = i + 1;
        while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end)) && sql.charAt(end) != '$') {
            end++;
        }
        return end < sql.length() && sql.charAt(end) == '$' ? sql.substring(i, end + 1) : null;
    }

    private void positional() {
        int start = ++i;
        while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            i++;
        }
        maxPosition = Math.max(maxPosition, Integer.parseInt(sql.substring(start, i)));
        out.append('$').append(sql, start, i);
    }

    private void named() {
        int start = ++i;
        while (i < sql.length() && Character.isJavaIdentifierPart(sql.charAt(i)) && sql.charAt(i) != '$') {
            i++;
        }
        String name = sql.substring(start, i);
        int number = names.computeIfAbsent(name, added -> names.size() + 1);
        out.append('$').append(number);
    }
}
