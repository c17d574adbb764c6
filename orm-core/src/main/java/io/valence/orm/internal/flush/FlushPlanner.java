package io.valence.orm.internal.flush;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.mapping.ValueLimits;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.ChangeSet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders and groups the changes of one flush into statements.
 *
 * <p>Per table there are up to three nodes: insert, update, delete. Foreign keys give hard edges
 * (parent inserts before child inserts and updates; child updates and deletes before parent
 * deletes). Unlike SQLAlchemy, a table's deletes also run before its own inserts and updates
 * whenever no hard edge forbids it, so deleting a row and inserting another with the same unique
 * key in one flush works without a manual {@code flush()}. Within a table, rows are inserted in add
 * order; self-referencing and mutually referencing tables are split into waves of rows whose
 * parents are already written. The result is O(tables) statements, not O(rows).
 *
 * <p>No plan is made for a value PostgreSQL cannot hold ({@link ValueLimits}): the flush fails
 * before it takes a connection or sends anything, and the session stays as it was.
 */
public final class FlushPlanner {
    private final TypeGraph types;
    /** Per entity, the columns an INSERT writes whose values {@link ValueLimits} may refuse. */
    private final Map<EntityMapping, ColumnMapping[]> checkedOnInsert = new IdentityHashMap<>();

    /**
     * Creates a planner for one factory's model; the type graph and the columns to check are
     * computed once.
     *
     * @param metamodel the mappings
     */
    public FlushPlanner(Metamodel metamodel) {
        this.types = new TypeGraph(metamodel);
        for (EntityMapping mapping : metamodel.entities()) {
            checkedOnInsert.put(mapping, checked(mapping.columns()));
            mapping.tables().forEach(table -> checkedOnInsert.put(table, checked(table.columns()))); // JOINED
        }
    }

    /**
     * Plans a flush.
     *
     * @param changes what the flush must send
     * @return the steps in order
     * @throws io.valence.orm.OrmException when rows refer to each other in a cycle that inserts
     *     cannot satisfy, naming the rows
     * @throws io.valence.orm.DataException when a value to be written is one PostgreSQL cannot hold
     */
    public FlushPlan plan(ChangeSet changes) {
        if (changes.isEmpty()) {
            return new FlushPlan(List.of());
        }
        StepGraph graph = new StepGraph(types);
        Map<Integer, List<EntityState>> inserts = byComponent(changes.inserts());
        Map<Integer, List<EntityState>> deletes = byComponent(changes.deletes());
        Map<EntityMapping, List<ChangeSet.RowUpdate>> updates = new LinkedHashMap<>();
        for (ChangeSet.RowUpdate update : changes.updates()) {
            updates.computeIfAbsent(update.state().mapping(), k -> new ArrayList<>()).add(update);
        }
        inserts.keySet().forEach(component -> graph.add(StepGraph.Node.insert(component)));
        deletes.keySet().forEach(component -> graph.add(StepGraph.Node.delete(component)));
        updates.keySet().forEach(type -> graph.add(StepGraph.Node.update(types.componentOf(type), type)));

        List<FlushStep> steps = new ArrayList<>();
        for (StepGraph.Node node : graph.order()) {
            switch (node.kind()) {
                case INSERT -> steps.addAll(insertSteps(node.component(), inserts.get(node.component())));
                case UPDATE -> steps.addAll(updateSteps(node.type(), updates.get(node.type())));
                case DELETE -> steps.addAll(deleteSteps(node.component(), deletes.get(node.component())));
            }
        }
        steps.forEach(this::checkValues);
        return new FlushPlan(steps, changes.links());
    }

    /**
     * The UPDATEs of rows whose same columns changed: one, or for a {@code JOINED} class one per
     * table that holds a changed column, and the root's when it holds the version, which any change
     * increments.
     */
    private static List<FlushStep> updatesPerTable(FlushStep.UpdateRows update) {
        List<EntityMapping> tables = update.mapping().tables();
        if (tables.size() == 1) {
            return List.of(update);
        }
        List<FlushStep.UpdateRows> split = new ArrayList<>();
        for (EntityMapping table : tables) {
            List<ColumnMapping> columns = update.columns().stream()
                    .filter(column -> table.columns().stream().anyMatch(held -> held == column)).toList();
            if (!columns.isEmpty() || table.version() != null) {
                split.add(new FlushStep.UpdateRows(table, columns, List.of(), update.rows(), false));
            }
        }
        FlushStep.UpdateRows last = split.remove(split.size() - 1);
        split.add(new FlushStep.UpdateRows(last.mapping(), last.columns(), last.cleared(), last.rows(), true));
        return List.copyOf(split);
    }

    /**
     * Checks every value a step will write, of the columns whose values may be refused: each such
     * column of an inserted row, each such changed column of an updated one. Foreign keys hold
     * other rows' ids, which were checked when those were written. Per table, not per row, the
     * columns are found, so rows cost a field read and a compare per checked column.
     */
    private void checkValues(FlushStep step) {
        ColumnMapping[] columns;
        if (step instanceof FlushStep.InsertRows) {
            columns = checkedOnInsert.get(step.mapping());
            if (columns == null) { // not a mapping of the metamodel the planner was made for
                columns = checked(step.mapping().columns());
            }
        } else if (step instanceof FlushStep.UpdateRows update) {
            columns = checked(update.columns());
        } else {
            return;
        }
        if (columns.length == 0) {
            return;
        }
        EntityMapping mapping = step.mapping();
        for (EntityState row : step.rows()) {
            Object entity = row.entity();
            for (ColumnMapping column : columns) {
                ValueLimits.check(mapping, column, column.accessor().get(entity));
            }
        }
    }

    private static ColumnMapping[] checked(List<ColumnMapping> columns) {
        return columns.stream()
                .filter(column -> !column.isForeignKey() && ValueLimits.mayRefuse(column))
                .toArray(ColumnMapping[]::new);
    }

    private Map<Integer, List<EntityState>> byComponent(List<EntityState> states) {
        Map<Integer, List<EntityState>> grouped = new LinkedHashMap<>();
        for (EntityState state : states) {
            grouped.computeIfAbsent(types.componentOf(state.mapping()), k -> new ArrayList<>()).add(state);
        }
        return grouped;
    }

    private List<FlushStep> insertSteps(int component, List<EntityState> rows) {
        List<List<EntityState>> waves = types.isCyclic(component) ? RowWaves.forInserts(rows) : List.of(rows);
        List<FlushStep> steps = new ArrayList<>();
        for (List<EntityState> wave : waves) {
            steps.addAll(insertsOfWave(byTable(component, wave)));
        }
        return steps;
    }

    /**
     * The INSERTs of one wave: one per class, except that the classes of a {@code JOINED} hierarchy
     * share one INSERT into their root's table (where the first of them would be, as it draws the ids
     * the other tables' rows carry), each followed by its INSERTs into its subclass tables, parents first.
     */
    private static List<FlushStep> insertsOfWave(Map<EntityMapping, List<EntityState>> byClass) {
        Map<EntityMapping, List<EntityState>> rootRows = rootRows(byClass);
        List<FlushStep> steps = new ArrayList<>();
        byClass.forEach((mapping, rows) -> {
            List<EntityMapping> tables = mapping.tables();
            List<EntityState> shared = rootRows.remove(tables.get(0));
            if (shared != null) {
                steps.add(new FlushStep.InsertRows(tables.get(0), shared, false));
            }
            for (int t = tables.size() == 1 ? 0 : 1; t < tables.size(); t++) {
                steps.add(new FlushStep.InsertRows(tables.get(t), rows, t == tables.size() - 1));
            }
        });
        return steps;
    }

    private List<FlushStep> deleteSteps(int component, List<EntityState> rows) {
        List<List<EntityState>> waves = types.isCyclic(component) ? RowWaves.forDeletes(rows) : List.of(rows);
        List<FlushStep> steps = new ArrayList<>();
        for (List<EntityState> wave : waves) {
            steps.addAll(deletesOfWave(byTable(component, wave)));
        }
        return steps;
    }

    /**
     * The DELETEs of one wave: one per class, except that the classes of a {@code JOINED} hierarchy
     * first delete from their subclass tables, children first, and then share one DELETE from their
     * root's table (where the last of them would be).
     */
    private static List<FlushStep> deletesOfWave(Map<EntityMapping, List<EntityState>> byClass) {
        Map<EntityMapping, List<EntityState>> rootRows = rootRows(byClass);
        Map<EntityMapping, EntityMapping> lastClass = new IdentityHashMap<>();
        byClass.keySet().forEach(mapping -> lastClass.put(mapping.tables().get(0), mapping));
        List<FlushStep> steps = new ArrayList<>();
        byClass.forEach((mapping, rows) -> {
            List<EntityMapping> tables = mapping.tables();
            for (int t = tables.size() - 1; t > 0; t--) {
                steps.add(new FlushStep.DeleteRows(tables.get(t), rows, false));
            }
            if (tables.size() == 1) {
                steps.add(new FlushStep.DeleteRows(mapping, rows, true));
            } else if (lastClass.get(tables.get(0)) == mapping) {
                steps.add(new FlushStep.DeleteRows(tables.get(0), rootRows.get(tables.get(0)), true));
            }
        });
        return steps;
    }

    /** The rows of the {@code JOINED} classes among the given ones, gathered by their root's table. */
    private static Map<EntityMapping, List<EntityState>> rootRows(Map<EntityMapping, List<EntityState>> byClass) {
        Map<EntityMapping, List<EntityState>> rootRows = new IdentityHashMap<>();
        byClass.forEach((mapping, rows) -> {
            if (mapping.tables().size() > 1) {
                rootRows.computeIfAbsent(mapping.tables().get(0), table -> new ArrayList<>()).addAll(rows);
            }
        });
        return rootRows;
    }

    /** Groups rows of a component by table, tables in dependency order, rows in their given order. */
    private Map<EntityMapping, List<EntityState>> byTable(int component, List<EntityState> rows) {
        Map<EntityMapping, List<EntityState>> grouped = new LinkedHashMap<>();
        types.members(component).forEach(type -> grouped.put(type, new ArrayList<>()));
        rows.forEach(state -> grouped.get(state.mapping()).add(state));
        grouped.values().removeIf(List::isEmpty);
        return grouped;
    }

    private static List<FlushStep> updateSteps(EntityMapping type, List<ChangeSet.RowUpdate> rows) {
        Map<ChangedColumns, List<EntityState>> byColumns = new LinkedHashMap<>();
        for (ChangeSet.RowUpdate row : rows) {
            byColumns.computeIfAbsent(new ChangedColumns(row.columns(), row.cleared()), k -> new ArrayList<>())
                    .add(row.state());
        }
        List<FlushStep> steps = new ArrayList<>();
        byColumns.forEach((columns, states) -> steps.addAll(
                updatesPerTable(new FlushStep.UpdateRows(type, columns.columns(), columns.cleared(), states, true))));
        return steps;
    }

    /**
     * The changed (and cleared) columns of a row as a grouping key. They are the mappings' own column
     * objects, so identity decides; a list's equality would compare every column record's contents,
     * per row.
     */
    private record ChangedColumns(List<ColumnMapping> columns, List<ColumnMapping> cleared) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ChangedColumns that && same(columns, that.columns) && same(cleared, that.cleared);
        }

        private static boolean same(List<ColumnMapping> some, List<ColumnMapping> others) {
            if (some.size() != others.size()) {
                return false;
            }
            for (int i = 0; i < some.size(); i++) {
                if (some.get(i) != others.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = 1;
            for (ColumnMapping column : columns) {
                hash = 31 * hash + System.identityHashCode(column);
            }
            for (ColumnMapping column : cleared) {
                hash = 31 * hash + System.identityHashCode(column);
            }
            return hash;
        }
    }
}
