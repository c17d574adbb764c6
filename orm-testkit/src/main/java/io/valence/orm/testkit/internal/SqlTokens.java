package io.valence.orm.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small PostgreSQL lexer, enough to find keywords and identifiers at the top level of a
 * statement: it skips comments, string literals and dollar quotes, unquotes {@code "identifiers"}
 * and records each token's parenthesis depth.
 */
final class SqlTokens {

    /** Token types the inspections need. */
    enum Type {
        WORD,
        QUOTED_IDENTIFIER,
        LITERAL,
        SYMBOL
    }

    /**
     * One token.
     *
     * @param type its type
     * @param text the word, the unquoted identifier, the literal as written, or the symbol
     * @param depth parentheses open around it ({@code (} and {@code )} carry the outer depth)
     */
    record Token(Type type, String text, int depth) {

        /** Whether this is the given keyword (case-insensitive) at the top level. */
        boolean isTopLevelWord(String keyword) {
            return depth == 0 && type == Type.WORD && text.equalsIgnoreCase(keyword);
        }

        /** Whether this is the given symbol. */
        boolean isSymbol(char symbol) {
            return type == Type.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
        }

        /** The identifier as PostgreSQL stores it: unquoted words fold to lower case. */
        String identifier() {
            return type == Type.WORD ? text.toLowerCase(Locale.ROOT) : text;
        }
    }

    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private int position;
    private int depth;

    private SqlTokens(String sql) {
        this.sql = sql;
    }

    /** Splits the SQL into tokens; never fails, even on unterminated quotes. */
    static List<Token> of(String sql) {
        SqlTokens lexer = new SqlTokens(sql);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (sql.startsWith("--", position)) {
                int end = sql.indexOf('\n', position);
                position = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", position)) {
                skipBlockComment();
            } else if (c == '\'') {
                boolean escapes = position > 0 && (sql.charAt(position - 1) == 'E' || sql.charAt(position - 1) == 'e');
                add(Type.LITERAL, quoted('\'', escapes));
            } else if (c == '"') {
                add(Type.QUOTED_IDENTIFIER, quoted('"', false).replace("\"\"", "\""));
            } else if (c == '$') {
                dollar();
            } else if (Character.isLetter(c) || c == '_') {
                int start = position;
                while (position < sql.length() && isWordPart(sql.charAt(position))) {
                    position++;
                }
                add(Type.WORD, sql.substring(start, position));
            } else if (Character.isDigit(c)) {
                int start = position;
                while (position < sql.length() && (Character.isLetterOrDigit(sql.charAt(position)) || sql.charAt(position) == '.')) {
                    position++;
                }
                add(Type.LITERAL, sql.substring(start, position));
            } else {
                position++;
                if (c == ')') {
                    depth = Math.max(0, depth - 1);
                }
                add(Type.SYMBOL, String.valueOf(c));
                if (c == '(') {
                    depth++;
                }
            }
        }
    }

    private void add(Type type, String text) {
        tokens.add(new Token(type, text, depth));
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void skipBlockComment() {
        int nesting = 0;
        while (position < sql.length()) {
            if (sql.startsWith("/*", position)) {
                nesting++;
                position += 2;
            } else if (sql.startsWith("*/", position)) {
                nesting--;
                position += 2;
                if (nesting == 0) {
                    return;
                }
            } else {
                position++;
            }
        }
    }

    /** Reads a quoted run starting at the opening quote; returns the content between the quotes. */
    private String quoted(char quote, boolean backslashEscapes) {
        int start = ++position;
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (backslashEscapes && c == '\\') {
                position += 2;
            } else if (c == quote && position + 1 < sql.length() && sql.charAt(position + 1) == quote) {
                position += 2;
            } else if (c == quote) {
                return sql.substring(start, position++);
            } else {
                position++;
            }
        }
        return sql.substring(start);
    }

    /** A parameter marker ({@code $1}) or a dollar-quoted literal ({@code $tag$…$tag$}). */
    private void dollar() {
        int start = position;
        int end = position + 1;
        while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
            end++;
        }
        if (end > position + 1) {
            position = end;
            add(Type.SYMBOL, sql.substring(start, end));
            return;
        }
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        if (end < sql.length() && sql.charAt(end) == '$') {
            String tag = sql.substring(start, end + 1);
            int close = sql.indexOf(tag, end + 1);
            position = close < 0 ? sql.length() : close + tag.length();
            add(Type.LITERAL, sql.substring(start, position));
        } else {
            position++;
            add(Type.SYMBOL, "$");
        }
    }
}
