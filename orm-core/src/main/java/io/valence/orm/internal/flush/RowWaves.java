package io.valence.orm.internal.flush;

import io.valence.orm.OrmException;
import io.valence.orm.internal.identity.EntityKey;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.EntityState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Splits the rows of a self- or mutually-referencing component into waves: each wave's rows only
 * refer to rows written in earlier waves (inserts), or are only referred to by rows deleted in
 * earlier waves (deletes). A cycle between rows cannot be ordered and is reported with the rows.
 */
final class RowWaves {
    private RowWaves() {}

    static List<List<EntityState>> forInserts(List<EntityState> rows) {
        Map<Object, EntityState> byEntity = new IdentityHashMap<>();
        rows.forEach(state -> byEntity.put(state.entity(), state));
        return waves(rows, state -> insertDependencies(state, byEntity), false);
    }

    static List<List<EntityState>> forDeletes(List<EntityState> rows) {
        Map<EntityKey, EntityState> byKey = new HashMap<>();
        rows.forEach(state -> byKey.put(state.key(), state));
        return waves(rows, state -> deleteDependents(state, byKey), true);
    }

    /** Pending rows of the same component that this row's foreign keys point to. */
    private static List<EntityState> insertDependencies(EntityState state, Map<Object, EntityState> pending) {
        List<EntityState> dependencies = new ArrayList<>();
        for (RelationshipMapping relationship : state.mapping().relationships()) {
            if (relationship.isOwning()) {
                EntityState target = pending.get(relationship.accessor().get(state.entity()));
                if (target != null) {
                    dependencies.add(target);
                }
            }
        }
        return dependencies;
    }

    /** Deleted rows of the same component that this row's foreign keys pointed to in the database. */
    private static List<EntityState> deleteDependents(EntityState state, Map<EntityKey, EntityState> deleted) {
        List<EntityState> targets = new ArrayList<>();
        for (RelationshipMapping relationship : state.mapping().relationships()) {
            Object targetId = relationship.isOwning() ? state.snapshotValue(relationship.foreignKey()) : null;
            EntityState target = targetId == null ? null : deleted.get(new EntityKey(relationship.target(), targetId));
            if (target != null) {
                targets.add(target);
            }
        }
        return targets;
    }

    private interface Edges {
        List<EntityState> of(EntityState state);
    }

    /**
     * Assigns each row a wave one past the waves of the rows it depends on. For deletes the edges
     * point the other way round (a row goes before the rows it refers to), so the waves are reversed.
     */
    private static List<List<EntityState>> waves(List<EntityState> rows, Edges edges, boolean reverse) {
        Map<EntityState, Integer> wave = new IdentityHashMap<>();
        for (EntityState row : rows) {
            depth(row, edges, wave, new ArrayList<>());
        }
        int max = wave.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<List<EntityState>> result = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            result.add(new ArrayList<>());
        }
        for (EntityState row : rows) {
            int index = reverse ? max - wave.get(row) : wave.get(row);
            result.get(index).add(row);
        }
        return result;
    }

    private static int depth(EntityState row, Edges edges, Map<EntityState, Integer> wave, List<EntityState> path) {
        Integer known = wave.get(row);
        if (known != null) {
            return known;
        }
        if (path.contains(row)) {
            List<EntityState> cycle = new ArrayList<>(path.subList(path.indexOf(row), path.size()));
            cycle.add(row);
            throw new OrmException("These objects refer to each other in a cycle, so no order of INSERT/DELETE"
                    + " statements satisfies their foreign keys: "
                    + cycle.stream().map(EntityState::describe).collect(Collectors.joining(" -> "))
                    + ". Break the cycle: leave one reference null, flush, then set it and flush again");
        }
        path.add(row);
        int depth = 0;
        for (EntityState dependency : edges.of(row)) {
            depth = Math.max(depth, depth(dependency, edges, wave, path) + 1);
        }
        path.remove(path.size() - 1);
        wave.put(row, depth);
        return depth;
    }
}
