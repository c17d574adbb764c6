package io.valence.orm.internal.schema;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses index and constraint names as PostgreSQL does for unnamed ones ({@code child_parent_id_idx},
 * {@code storage_key_key}): table, columns and a label, the longer part cut first so the name fits in
 * 63 bytes, and a number after the label when the name is taken. Mirroring PostgreSQL keeps the names
 * Valence writes equal to the ones PostgreSQL would pick, and knowing them keeps them unique.
 */
final class ObjectNames {
    /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated. */
    static final int MAX_BYTES = 63;

    private final Set<String> used = new HashSet<>();

    /** Marks a name as taken (a table, a sequence, a declared index). */
    void reserve(String name) {
        used.add(name);
    }

    /**
     * Chooses a free name and takes it, as PostgreSQL's {@code ChooseRelationName} does.
     *
     * @param table the table name
     * @param columns the columns, or an empty list for names without them ({@code parent_pkey})
     * @param label {@code idx}, {@code key}, {@code fkey}, {@code pkey} or {@code seq}
     * @return the name, unquoted
     */
    String choose(String table, List<String> columns, String label) {
        String addition = columns.isEmpty() ? null : addition(columns);
        String name = make(table, addition, label);
        for (int pass = 1; used.contains(name); pass++) {
            name = make(table, addition, label + pass);
        }
        used.add(name);
        return name;
    }

    /** The name PostgreSQL would give when nothing is taken; {@link #choose} differs only on a collision. */
    static String preferred(String table, List<String> columns, String label) {
        return make(table, columns.isEmpty() ? null : addition(columns), label);
    }

    /** PostgreSQL's {@code ChooseIndexNameAddition}: the column names joined by underscores, cut near 63 bytes. */
    private static String addition(List<String> columns) {
        StringBuilder joined = new StringBuilder();
        for (String column : columns) {
            if (joined.length() > 0) {
                joined.append('_');
            }
            joined.append(clip(column, MAX_BYTES));
            if (bytes(joined.toString()) >= MAX_BYTES + 1) {
                break;
            }
        }
        return joined.toString();
    }

    /** PostgreSQL's {@code makeObjectName}: cuts the longer of the two parts first, never inside a character. */
    private static String make(String name1, String name2, String label) {
        int overhead = (name2 != null ? 1 : 0) + label.length() + 1;
        int available = MAX_BYTES - overhead;
        int name1Bytes = bytes(name1);
        int name2Bytes = name2 != null ? bytes(name2) : 0;
        while (name1Bytes + name2Bytes > available) {
            if (name1Bytes > name2Bytes) {
                name1Bytes--;
            } else {
                name2Bytes--;
            }
        }
        StringBuilder name = new StringBuilder(clip(name1, name1Bytes));
        if (name2 != null) {
            name.append('_').append(clip(name2, name2Bytes));
        }
        return name.append('_').append(label).toString();
    }

    /** The longest prefix of {@code text} that fits in {@code maxBytes} of UTF-8 without splitting a character. */
    private static String clip(String text, int maxBytes) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
