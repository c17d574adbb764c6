package io.valence.orm.testkit.internal;

import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.internal.SqlTokens.Token;
import io.valence.orm.testkit.internal.SqlTokens.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads what assertions need from SQL text: the statement kind and the columns an UPDATE sets. */
public final class SqlInspection {

    private static final Set<String> SELECT_WORDS = Set.of("SELECT", "VALUES", "TABLE");
    private static final Set<String> DDL_WORDS = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "COMMENT");
    private static final Set<String> TRANSACTION_WORDS =
            Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE");
    private static final Set<String> MAIN_WORDS_AFTER_WITH = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "VALUES", "TABLE");
    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE");
    private static final Set<String> SET_CLAUSE_ENDS = Set.of("WHERE", "FROM", "RETURNING");

    private SqlInspection() {}

    /**
     * The kind of a statement from its leading keyword; after {@code WITH}, from a data-modifying
     * CTE if there is one, else from the first top-level SELECT/INSERT/UPDATE/DELETE.
     *
     * @param sql any SQL text
     * @return its kind, {@link StatementKind#OTHER} when unknown
     */
    public static StatementKind kindOf(String sql) {
        List<Token> tokens = SqlTokens.of(sql);
        Optional<String> first = tokens.stream()
                .filter(token -> token.type() == Type.WORD)
                .findFirst()
                .map(token -> token.text().toUpperCase(Locale.ROOT));
        if (first.isEmpty()) {
            return StatementKind.OTHER;
        }
        String keyword = first.get();
        if (keyword.equals("WITH")) {
            keyword = tokens.stream()
                    .filter(token -> token.depth() == 0 && token.type() == Type.WORD)
                    .map(token -> token.text().toUpperCase(Locale.ROOT))
                    .filter(MAIN_WORDS_AFTER_WITH::contains)
                    .findFirst()
                    .orElse("WITH");
            // WITH i AS (INSERT …) SELECT … is a write whose SELECT only reads back: the CTE's write decides.
            if (keyword.equals("SELECT")) {
                keyword = tokens.stream()
                        .filter(token -> token.depth() > 0 && token.type() == Type.WORD)
                        .map(token -> token.text().toUpperCase(Locale.ROOT))
                        .filter(WRITES::contains)
                        .findFirst()
                        .orElse(keyword);
            }
        }
        return kindOfKeyword(keyword);
    }

    private static StatementKind kindOfKeyword(String keyword) {
        if (SELECT_WORDS.contains(keyword)) {
            return StatementKind.SELECT;
        }
        if (DDL_WORDS.contains(keyword)) {
            return StatementKind.DDL;
        }
        if (TRANSACTION_WORDS.contains(keyword)) {
            return StatementKind.TRANSACTION;
        }
        return switch (keyword) {
            case "INSERT" -> StatementKind.INSERT;
            case "UPDATE" -> StatementKind.UPDATE;
            case "DELETE" -> StatementKind.DELETE;
            default -> StatementKind.OTHER;
        };
    }

    /**
     * The target columns of the SET clause of an UPDATE, in order, as PostgreSQL names them:
     * {@code UPDATE t SET a = $1, "B" = $2, (c, d) = ($3, $4) WHERE …} gives {@code [a, B, c, d]}.
     * Unquoted names fold to lower case. The UPDATE is the top-level one, or else, in a statement
     * that starts with {@code WITH}, the first one in a CTE ({@code WITH u AS (UPDATE …) SELECT …},
     * which {@link #kindOf} also counts as an UPDATE).
     *
     * @param sql the statement's text
     * @return the columns, or empty when the statement has no such SET clause
     */
    public static Optional<List<String>> setColumns(String sql) {
        List<Token> tokens = SqlTokens.of(sql);
        boolean startsWithWith = !tokens.isEmpty() && tokens.get(0).isTopLevelWord("WITH");
        int update = firstUpdate(tokens, true);
        if (update < 0 && startsWithWith) {
            update = firstUpdate(tokens, false);
        }
        if (update < 0) {
            return Optional.empty();
        }
        int depth = tokens.get(update).depth();
        int set = -1;
        for (int i = update + 1; i < tokens.size() && set < 0 && tokens.get(i).depth() >= depth; i++) {
            if (tokens.get(i).depth() == depth && isWord(tokens.get(i), "SET")) {
                set = i;
            }
        }
        if (set < 0) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        boolean expectTarget = true;
        for (int i = set + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.depth() < depth || token.depth() == depth && (isClauseEnd(token) || token.isSymbol(';'))) {
                break;
            }
            if (expectTarget && token.depth() == depth && token.isSymbol('(')) {
                for (i++; i < tokens.size() && !(tokens.get(i).depth() == depth && tokens.get(i).isSymbol(')')); i++) {
                    if (isIdentifier(tokens.get(i)) && !tokens.get(i - 1).isSymbol('.')) {
                        columns.add(tokens.get(i).identifier());
                    }
                }
                expectTarget = false;
            } else if (expectTarget && isIdentifier(token)) {
                columns.add(token.identifier());
                expectTarget = false;
            } else if (token.depth() == depth && token.isSymbol(',')) {
                expectTarget = true;
            }
        }
        return Optional.of(List.copyOf(columns));
    }

    /** The index of the first UPDATE keyword, at the top level only or at any depth; -1 when none. */
    private static int firstUpdate(List<Token> tokens, boolean topLevelOnly) {
        for (int i = 0; i < tokens.size(); i++) {
            if (isWord(tokens.get(i), "UPDATE") && (!topLevelOnly || tokens.get(i).depth() == 0)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWord(Token token, String keyword) {
        return token.type() == Type.WORD && token.text().equalsIgnoreCase(keyword);
    }

    private static boolean isClauseEnd(Token token) {
        return token.type() == Type.WORD && SET_CLAUSE_ENDS.contains(token.text().toUpperCase(Locale.ROOT));
    }

    private static boolean isIdentifier(Token token) {
        return token.type() == Type.WORD || token.type() == Type.QUOTED_IDENTIFIER;
    }

    /**
     * The SQL on one line (runs of white space become one space), cut to {@code maxLength}
     * characters with a note of the full length when longer.
     *
     * @param sql any SQL text
     * @param maxLength the most characters kept
     * @return the shortened text
     */
    public static String oneLine(String sql, int maxLength) {
        String line = sql.strip().replaceAll("\\s+", " ");
        if (line.length() <= maxLength) {
            return line;
        }
        return line.substring(0, maxLength) + "… (" + line.length() + " chars)";
    }
}
