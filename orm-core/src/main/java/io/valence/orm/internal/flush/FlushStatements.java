package io.valence.orm.internal.flush;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.ColumnType;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.sql.FlushSqlRenderer;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.internal.state.ColumnValues;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.ChangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns planned steps into statements with one array parameter per column. The SQL text is built
 * once per shape (table, kind, columns) and cached for the factory's lifetime; only the arrays are
 * built per flush. Steps larger than {@link #CHUNK} rows are cut into several statements. Values
 * are not checked here: {@link FlushPlanner} refused any PostgreSQL cannot hold before planning.
 */
public final class FlushStatements {
    /** Rows per statement: keeps single messages to the server at a sensible size. */
    static final int CHUNK = 20_000;

    private final Map<Object, String> sqlCache = new ConcurrentHashMap<>();

    /** A cache key: the kind of statement, the table, its columns and the columns it clears. */
    private record Shape(Class<?> kind, EntityMapping mapping, List<ColumnMapping> columns, List<ColumnMapping> cleared) {
        Shape(Class<?> kind, EntityMapping mapping, List<ColumnMapping> columns) {
            this(kind, mapping, columns, List.of());
        }
    }

    /**
     * How many statements {@link #bind} makes of a step.
     *
     * @param step the step
     * @return one per {@link #CHUNK} rows or part of it
     */
    public static int statementCount(FlushStep step) {
        return (step.rows().size() + CHUNK - 1) / CHUNK;
    }

    /**
     * Binds a step, reading the rows' current values (ids assigned by earlier steps included).
     *
     * @param step the step
     * @param values reads column values
     * @return the statements, usually one
     */
    public List<BoundStep> bind(FlushStep step, ColumnValues values) {
        List<BoundStep> bound = new ArrayList<>();
        List<EntityState> rows = step.rows();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<EntityState> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            bound.add(new BoundStep(step, chunk, statement(step, chunk, values)));
        }
        return bound;
    }

    private SqlStatement statement(FlushStep step, List<EntityState> rows, ColumnValues values) {
        EntityMapping mapping = step.mapping();
        List<SqlStatement.Bind> binds = new ArrayList<>();
        String sql;
        if (step instanceof FlushStep.InsertRows) {
            boolean generated = mapping.idGeneration().isGenerated();
            List<ColumnMapping> columns = generated ? mapping.columns().subList(1, mapping.columns().size()) : mapping.columns();
            sql = sqlCache.computeIfAbsent(new Shape(FlushStep.InsertRows.class, mapping, columns), shape -> generated
                    ? FlushSqlRenderer.insertGenerated(mapping, columns)
                    : FlushSqlRenderer.insertAssigned(mapping, columns));
            if (columns.isEmpty()) {
                binds.add(new SqlStatement.Bind(rows.size(), Integer.class));
            }
            columns.forEach(column -> binds.add(array(column, rows, values)));
        } else if (step instanceof FlushStep.UpdateRows update) {
            sql = sqlCache.computeIfAbsent(new Shape(FlushStep.UpdateRows.class, mapping, update.columns(), update.cleared()),
                    shape -> FlushSqlRenderer.update(mapping, update.columns(), update.cleared()));
            addKeyArrays(mapping, rows, values, binds);
            update.columns().forEach(column -> binds.add(array(column, rows, values)));
        } else {
            sql = sqlCache.computeIfAbsent(new Shape(FlushStep.DeleteRows.class, mapping, List.of()),
                    shape -> FlushSqlRenderer.delete(mapping));
            addKeyArrays(mapping, rows, values, binds);
        }
        return new SqlStatement(sql, binds);
    }

    /**
     * The query naming the rows an UPDATE of an unversioned entity missed, over the same ids.
     *
     * @param bound an UPDATE for which {@link BoundStep#countsTouchedRows()} holds
     * @return the query; it returns the ids that have no row (for a composite key, their positions from 1)
     */
    public SqlStatement missingRows(BoundStep bound) {
        EntityMapping mapping = bound.step().mapping();
        String sql = sqlCache.computeIfAbsent(new Shape(MissingRows.class, mapping, List.of()),
                shape -> FlushSqlRenderer.missingRows(mapping));
        // the key arrays come first
        return new SqlStatement(sql, bound.statement().binds().subList(0, mapping.key().parts().size()));
    }

    /**
     * The INSERT of a link table's new rows, reading the ids the objects hold now. Link statements
     * are not cut into chunks: two arrays of ids stay small even for many rows.
     *
     * @param change the link table's changes, with rows to link
     * @return the statement
     */
    public SqlStatement insertLinks(ChangeSet.LinkChange change) {
        RelationshipMapping.LinkTable link = change.owning().link();
        String sql = sqlCache.computeIfAbsent(new LinkShape(true, link.table()),
                shape -> FlushSqlRenderer.insertLinks(link));
        return new SqlStatement(sql, List.of(
                ids(link.ownType(), change.owner(), side(change.linked(), 0)),
                ids(link.otherType(), change.target(), side(change.linked(), 1))));
    }

    /**
     * The DELETE of a link table's rows: unlinked pairs and every row of deleted objects.
     *
     * @param change the link table's changes, with rows to delete
     * @return the statement
     */
    public SqlStatement deleteLinks(ChangeSet.LinkChange change) {
        RelationshipMapping.LinkTable link = change.owning().link();
        String sql = sqlCache.computeIfAbsent(new LinkShape(false, link.table()),
                shape -> FlushSqlRenderer.deleteLinks(link));
        return new SqlStatement(sql, List.of(
                ids(link.ownType(), change.owner(), side(change.unlinked(), 0)),
                ids(link.otherType(), change.target(), side(change.unlinked(), 1)),
                ids(link.ownType(), change.owner(), change.deletedOwners()),
                ids(link.otherType(), change.target(), change.deletedTargets())));
    }

    private static List<Object> side(List<Object[]> pairs, int side) {
        return pairs.stream().map(pair -> pair[side]).toList();
    }

    /** The ids of objects, read now, as one array parameter of the link column's type. */
    private static SqlStatement.Bind ids(ColumnType type, EntityMapping mapping, List<Object> entities) {
        Object[] array = type.newElementArray(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            array[i] = type.toArrayElement(mapping.idOf(entities.get(i)));
        }
        return new SqlStatement.Bind(array, array.getClass());
    }

    /** A cache key of a link statement: an INSERT or the DELETE of one link table. */
    private record LinkShape(boolean insert, String table) {}

    /** Names the shape of {@link #missingRows}'s query in the cache. */
    private enum MissingRows {}

    /** The ids (one array per key part), and for versioned entities the versions as last read, that identify the rows. */
    private static void addKeyArrays(
            EntityMapping mapping, List<EntityState> rows, ColumnValues values, List<SqlStatement.Bind> binds) {
        for (ColumnMapping part : mapping.key().parts()) {
            binds.add(array(part, rows, values));
        }
        if (mapping.version() != null) {
            binds.add(snapshotArray(mapping.version(), rows));
        }
    }

    private static SqlStatement.Bind array(ColumnMapping column, List<EntityState> rows, ColumnValues values) {
        Object[] array = column.type().newElementArray(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            array[i] = column.type().toArrayElement(values.current(rows.get(i), column));
        }
        return new SqlStatement.Bind(array, array.getClass());
    }

    private static SqlStatement.Bind snapshotArray(ColumnMapping column, List<EntityState> rows) {
        Object[] array = column.type().newElementArray(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            array[i] = column.type().toArrayElement(rows.get(i).snapshotValue(column));
        }
        return new SqlStatement.Bind(array, array.getClass());
    }
}
