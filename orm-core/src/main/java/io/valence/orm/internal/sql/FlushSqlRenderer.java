package io.valence.orm.internal.sql;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.IdGeneration;
import io.valence.orm.internal.mapping.RelationshipMapping;
import java.util.List;
import java.util.StringJoiner;

/**
 * The text of the batched statements a flush sends. Each takes every row of a step as one array
 * parameter per column, so a statement's size and round trips do not grow with its rows
 * (r2dbc-postgresql runs {@code Statement.add()} bindings one round trip each).
 */
public final class FlushSqlRenderer {
    private FlushSqlRenderer() {}

    /**
     * An INSERT of many rows whose ids the database generates, returning the ids in input order.
     *
     * <p>RETURNING order is not guaranteed by PostgreSQL, so ids are not read from it. Instead the
     * ids are drawn with {@code nextval} inside a MATERIALIZED CTE, numbered by the input's
     * ordinality; the INSERT reads that CTE, and the statement's result is the same CTE ordered by
     * ordinality. A materialized CTE is evaluated exactly once, so the ids inserted and the ids
     * returned are the same values, and the ORDER BY makes the match to input rows certain.
     *
     * @param mapping the entity, with IDENTITY or SEQUENCE ids
     * @param columns the inserted columns other than the id; one array parameter each
     * @return the text
     */
    public static String insertGenerated(EntityMapping mapping, List<ColumnMapping> columns) {
        String source = arraySource(columns, "n");
        StringJoiner targets = new StringJoiner(", ").add(Identifiers.quote(mapping.id().column()));
        StringJoiner selected = new StringJoiner(", ").add("k");
        for (int i = 0; i < columns.size(); i++) {
            targets.add(Identifiers.quote(columns.get(i).column()));
            selected.add(columns.get(i).type().fromUnnested("c" + (i + 1)));
        }
        return "WITH v AS MATERIALIZED (SELECT nextval(" + sequenceOf(mapping) + ")::" + mapping.id().type().ddlType() + " AS k, t.* FROM " + source + "),"
                + " i AS (INSERT INTO " + Identifiers.quote(mapping.table()) + " (" + targets + ") SELECT " + selected
                + " FROM v ORDER BY n) SELECT k FROM v ORDER BY n";
    }

    /**
     * An INSERT of many rows whose ids are assigned by the application.
     *
     * @param mapping the entity
     * @param columns every inserted column, the id included; one array parameter each
     * @return the text
     */
    public static String insertAssigned(EntityMapping mapping, List<ColumnMapping> columns) {
        StringJoiner targets = new StringJoiner(", ");
        StringJoiner selected = new StringJoiner(", ");
        StringJoiner aliases = new StringJoiner(", ");
        for (int i = 0; i < columns.size(); i++) {
            targets.add(Identifiers.quote(columns.get(i).column()));
            selected.add(columns.get(i).type().fromUnnested("c" + (i + 1)));
            aliases.add("c" + (i + 1));
        }
        return "INSERT INTO " + Identifiers.quote(mapping.table()) + " (" + targets + ") SELECT " + selected + " FROM "
                + unnest(columns, 1) + " AS t(" + aliases + ")";
    }

    /**
     * An UPDATE of the same columns on many rows. With a version column the version must match and
     * is incremented, and the statement reports the rows it missed (see {@link #touchedUnlessAll}):
     * a stale version cannot be told from the database's answer afterwards. Without one, a row can
     * only be missed when it is gone, so the executor compares the count of updated rows and asks
     * {@link #missingRows} only when it falls short: PostgreSQL then returns no ids at all.
     *
     * @param mapping the entity
     * @param columns the changed columns; parameters are the ids, the versions (if versioned), then one array per column
     * @param cleared columns set to NULL, without a parameter (those a row switch to another class of
     *     the hierarchy leaves behind)
     * @return the text
     */
    public static String update(EntityMapping mapping, List<ColumnMapping> columns, List<ColumnMapping> cleared) {
        ColumnMapping version = mapping.version();
        StringJoiner assignments = new StringJoiner(", ");
        StringJoiner aliases = new StringJoiner(", ").add(keyAliases(mapping));
        StringBuilder arrays = new StringBuilder(keyArrays(mapping));
        int parameter = mapping.key().parts().size() + 1;
        if (version != null) {
            aliases.add("ver");
            arrays.append(", $").append(parameter++).append("::").append(version.type().arrayType());
        }
        for (int i = 0; i < columns.size(); i++) {
            ColumnMapping column = columns.get(i);
            assignments.add(Identifiers.quote(column.column()) + " = " + column.type().fromUnnested("v.c" + (i + 1)));
            aliases.add("c" + (i + 1));
            arrays.append(", $").append(parameter++).append("::").append(column.type().arrayType());
        }
        cleared.forEach(column -> assignments.add(Identifiers.quote(column.column()) + " = NULL"));
        if (version != null) {
            assignments.add(Identifiers.quote(version.column()) + " = x." + Identifiers.quote(version.column()) + " + 1");
        }
        String update = "UPDATE " + Identifiers.quote(mapping.table()) + " AS x SET " + assignments
                + " FROM unnest(" + arrays + ")" + ordinality(mapping) + " AS v(" + aliases + positionAlias(mapping)
                + ") WHERE " + matchRow(mapping);
        return version == null ? update : touchedUnlessAll(mapping, update + " RETURNING " + touchedKey(mapping) + " AS k");
    }

    /**
     * The ids of {@code $1} that have no row in the entity's table: after an UPDATE of an
     * unversioned entity touched fewer rows than it was given, the rows it missed.
     *
     * @param mapping the entity
     * @return the text; its parameter is the array of ids
     */
    public static String missingRows(EntityMapping mapping) {
        if (mapping.key().isComposite()) {
            return "SELECT v.n FROM unnest(" + keyArrays(mapping) + ") WITH ORDINALITY AS v(" + keyAliases(mapping)
                    + ", n) WHERE NOT EXISTS (SELECT 1 FROM " + Identifiers.quote(mapping.table()) + " AS x WHERE "
                    + keyMatch(mapping) + ")";
        }
        return "SELECT v.k FROM unnest($1::" + mapping.id().type().arrayType() + ") AS v(k) WHERE NOT EXISTS (SELECT 1 FROM "
                + Identifiers.quote(mapping.table()) + " AS x WHERE x." + Identifiers.quote(mapping.id().column()) + " = v.k)";
    }

    /**
     * A DELETE of many rows by id (and version, if versioned) that reports the rows it missed (see
     * {@link #touchedUnlessAll}).
     *
     * @param mapping the entity
     * @return the text; parameters are the ids, then the versions
     */
    public static String delete(EntityMapping mapping) {
        String table = Identifiers.quote(mapping.table());
        if (mapping.version() == null && !mapping.key().isComposite()) {
            String id = Identifiers.quote(mapping.id().column());
            return touchedUnlessAll(mapping, "DELETE FROM " + table + " WHERE " + id + " = ANY($1::"
                    + mapping.id().type().arrayType() + ") RETURNING " + id + " AS k");
        }
        String version = mapping.version() == null ? "" : ", $" + (mapping.key().parts().size() + 1) + "::"
                + mapping.version().type().arrayType();
        return touchedUnlessAll(mapping, "DELETE FROM " + table + " AS x USING unnest(" + keyArrays(mapping) + version
                + ")" + ordinality(mapping) + " AS v(" + keyAliases(mapping) + (version.isEmpty() ? "" : ", ver")
                + positionAlias(mapping) + ") WHERE " + matchRow(mapping) + " RETURNING " + touchedKey(mapping) + " AS k");
    }

    /**
     * An INSERT of many link rows of a many-to-many:
     * {@code INSERT INTO "order_tag" ("order_id", "tag_id") SELECT * FROM unnest($1::bigint[], $2::bigint[])};
     * for a unidirectional one-to-many, an UPDATE of the elements' foreign key column.
     *
     * @param link the link table, seen from its owning side
     * @return the text; parameters are the owners' ids, then the targets'
     */
    public static String insertLinks(RelationshipMapping.LinkTable link) {
        if (link.inTargetTable()) {
            // the elements' rows exist by now: linking sets their foreign key column
            return "UPDATE " + Identifiers.quote(link.table()) + " AS x SET " + Identifiers.quote(link.ownColumn())
                    + " = v.a FROM unnest($1::" + link.ownType().arrayType() + ", $2::" + link.otherType().arrayType()
                    + ") AS v(a, b) WHERE x." + Identifiers.quote(link.otherColumn()) + " = v.b";
        }
        return "INSERT INTO " + Identifiers.quote(link.table()) + " (" + Identifiers.quote(link.ownColumn()) + ", "
                + Identifiers.quote(link.otherColumn()) + ") SELECT * FROM unnest($1::" + link.ownType().arrayType()
                + ", $2::" + link.otherType().arrayType() + ")";
    }

    /**
     * A DELETE of link rows of a many-to-many: the given pairs, and every row of the given owners and
     * of the given targets, in one statement; for a unidirectional one-to-many, an UPDATE clearing
     * the elements' foreign key column instead.
     *
     * @param link the link table, seen from its owning side
     * @return the text; parameters are the pairs' owner ids and target ids, then the deleted owners'
     *     ids, then the deleted targets' ids (each possibly empty)
     */
    public static String deleteLinks(RelationshipMapping.LinkTable link) {
        String own = "x." + Identifiers.quote(link.ownColumn());
        String other = "x." + Identifiers.quote(link.otherColumn());
        String ownArray = link.ownType().arrayType();
        String otherArray = link.otherType().arrayType();
        String rows = " WHERE (" + own + ", " + other + ") IN (SELECT * FROM unnest($1::" + ownArray + ", $2::"
                + otherArray + ")) OR " + own + " = ANY($3::" + ownArray + ") OR " + other + " = ANY($4::" + otherArray + ")";
        return link.inTargetTable()
                ? "UPDATE " + Identifiers.quote(link.table()) + " AS x SET " + Identifiers.quote(link.ownColumn()) + " = NULL"
                        + rows
                : "DELETE FROM " + Identifiers.quote(link.table()) + " AS x" + rows;
    }

    /**
     * Runs an UPDATE or DELETE whose RETURNING names each touched id {@code k} and answers with one
     * row of one value: NULL when it touched every id of {@code $1}, else the array of the ids it
     * did touch, from which the executor names a row that was missed (a concurrent delete, a stale
     * version). The usual flush thus reads one value instead of one row per id.
     */
    private static String touchedUnlessAll(EntityMapping mapping, String dml) {
        return "WITH u AS (" + dml + ") SELECT CASE WHEN count(*) = cardinality($1::"
                + mapping.key().parts().get(0).type().arrayType()
                + ") THEN NULL ELSE coalesce(array_agg(u.k), '{}') END FROM u"; // array_agg of no rows is NULL
    }

    private static String matchRow(EntityMapping mapping) {
        String match = keyMatch(mapping);
        if (mapping.version() != null) {
            match += " AND x." + Identifiers.quote(mapping.version().column()) + " = v.ver";
        }
        return match;
    }

    /**
     * The key arrays, from {@code $1}: {@code $1::bigint[]} for a single key, one array per part
     * for a composite key.
     */
    private static String keyArrays(EntityMapping mapping) {
        List<ColumnMapping> parts = mapping.key().parts();
        StringJoiner arrays = new StringJoiner(", ");
        for (int i = 0; i < parts.size(); i++) {
            arrays.add("$" + (i + 1) + "::" + parts.get(i).type().arrayType());
        }
        return arrays.toString();
    }

    /** The aliases of {@link #keyArrays}: {@code k}, or {@code k1, k2, …} by part. */
    private static String keyAliases(EntityMapping mapping) {
        if (!mapping.key().isComposite()) {
            return "k";
        }
        StringJoiner aliases = new StringJoiner(", ");
        for (int i = 0; i < mapping.key().parts().size(); i++) {
            aliases.add("k" + (i + 1));
        }
        return aliases.toString();
    }

    /** {@code x."id" = v.k}, or {@code x."a" = v.k1 AND x."b" = v.k2} over every key part. */
    private static String keyMatch(EntityMapping mapping) {
        if (!mapping.key().isComposite()) {
            return "x." + Identifiers.quote(mapping.id().column()) + " = v.k";
        }
        List<ColumnMapping> parts = mapping.key().parts();
        StringJoiner match = new StringJoiner(" AND ");
        for (int i = 0; i < parts.size(); i++) {
            match.add("x." + Identifiers.quote(parts.get(i).column()) + " = v.k" + (i + 1));
        }
        return match.toString();
    }

    /**
     * What an UPDATE or DELETE returns for each row it touched: the id, or for a composite key the
     * row's position in the arrays (see {@code KeyMapping.answerColumn}).
     */
    private static String touchedKey(EntityMapping mapping) {
        return mapping.key().isComposite() ? "v.n" : "x." + Identifiers.quote(mapping.id().column());
    }

    private static String ordinality(EntityMapping mapping) {
        return mapping.key().isComposite() ? " WITH ORDINALITY" : "";
    }

    private static String positionAlias(EntityMapping mapping) {
        return mapping.key().isComposite() ? ", n" : "";
    }

    /** {@code unnest($1::t1[], …) WITH ORDINALITY AS t(c1, …, n)}, or a series when there are no columns. */
    private static String arraySource(List<ColumnMapping> columns, String ordinal) {
        if (columns.isEmpty()) {
            return "generate_series(1, $1::integer) AS t(" + ordinal + ")";
        }
        StringJoiner aliases = new StringJoiner(", ");
        for (int i = 0; i < columns.size(); i++) {
            aliases.add("c" + (i + 1));
        }
        return unnest(columns, 1) + " WITH ORDINALITY AS t(" + aliases + ", " + ordinal + ")";
    }

    private static String unnest(List<ColumnMapping> columns, int firstParameter) {
        StringJoiner arrays = new StringJoiner(", ", "unnest(", ")");
        for (int i = 0; i < columns.size(); i++) {
            arrays.add("$" + (firstParameter + i) + "::" + columns.get(i).type().arrayType());
        }
        return arrays.toString();
    }

    private static String sequenceOf(EntityMapping mapping) {
        IdGeneration generation = mapping.idGeneration();
        if (generation.strategy() == IdGeneration.Strategy.SEQUENCE) {
            return Identifiers.literal(Identifiers.quote(generation.sequence())) + "::regclass";
        }
        // A scalar subquery is an InitPlan, run once per statement: a bare pg_get_serial_sequence call
        // (and its cast to regclass) would run once per row, which doubled the time of large inserts.
        return "(SELECT pg_get_serial_sequence(" + Identifiers.literal(Identifiers.quote(mapping.table())) + ", "
                + Identifiers.literal(mapping.id().column()) + ")::regclass)";
    }
}
