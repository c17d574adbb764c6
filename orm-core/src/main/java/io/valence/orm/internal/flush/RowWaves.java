package io.valence.orm.internal.flush;

import io.valence.orm.OrmException;
import io.valence.orm.internal.identity.EntityKey;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.EntityState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
        Map<Class<?>, EntityMapping> mappings = new HashMap<>();
        for (EntityState state : rows) {
            // a foreign key may name any class from the row's own up to its hierarchy's root
            Class<?> type = state.mapping().type();
            for (; type != state.mapping().identityType(); type = type.getSuperclass()) {
                byKey.put(new EntityKey(type, state.id()), state);
            }
            byKey.put(state.key(), state);
            mappings.put(state.mapping().type(), state.mapping());
        }
        return waves(rows, state -> deleteDependents(state, byKey, mappings), true);
    }

    /** Pending rows of the same component that this row's foreign keys point to. */
    private static List<Edge> insertDependencies(EntityState state, Map<Object, EntityState> pending) {
        List<Edge> dependencies = new ArrayList<>();
        for (RelationshipMapping relationship : state.mapping().relationships()) {
            if (relationship.isOwning()) {
                EntityState target = pending.get(relationship.accessor().get(state.entity()));
                if (target != null) {
                    dependencies.add(new Edge(target, relationship));
                }
            }
        }
        return dependencies;
    }

    /** Deleted rows of the same component that this row's foreign keys pointed to in the database. */
    private static List<Edge> deleteDependents(
            EntityState state, Map<EntityKey, EntityState> deleted, Map<Class<?>, EntityMapping> mappings) {
        List<Edge> targets = new ArrayList<>();
        for (RelationshipMapping relationship : state.mapping().relationships()) {
            EntityMapping targetMapping = relationship.isOwning() ? mappings.get(relationship.target()) : null;
            // a target type with no deleted row in this component has nothing to wait for
            Object targetId = targetMapping == null ? null
                    : state.mapping().targetKey(relationship, targetMapping, state.snapshot());
            EntityState target = targetId == null ? null : deleted.get(new EntityKey(relationship.target(), targetId));
            if (target != null) {
                targets.add(new Edge(target, relationship));
            }
        }
        return targets;
    }

    /** A row refers to {@code target} through the foreign key of {@code via}. */
    private record Edge(EntityState target, RelationshipMapping via) {}

    private interface Edges {
        List<Edge> of(EntityState state);
    }

    /**
     * Assigns each row a wave one past the waves of the rows it depends on. For deletes the edges
     * point the other way round (a row goes before the rows it refers to), so the waves are reversed.
     */
    private static List<List<EntityState>> waves(List<EntityState> rows, Edges edges, boolean reverse) {
        Map<EntityState, Integer> wave = new IdentityHashMap<>();
        for (EntityState row : rows) {
            depth(row, edges, wave, new ArrayList<>(), new ArrayList<>());
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

    /**
     * The wave of a row. {@code path} holds the rows being visited and {@code via} the references
     * followed between them, so that a cycle can be reported step by step.
     */
    private static int depth(
            EntityState row, Edges edges, Map<EntityState, Integer> wave, List<EntityState> path, List<String> via) {
        Integer known = wave.get(row);
        if (known != null) {
            return known;
        }
        if (path.contains(row)) {
            throw cycle(path.subList(path.indexOf(row), path.size()), via.subList(path.indexOf(row), via.size()), row);
        }
        path.add(row);
        int depth = 0;
        for (Edge dependency : edges.of(row)) {
            via.add(dependency.via().name());
            depth = Math.max(depth, depth(dependency.target(), edges, wave, path, via) + 1);
            via.remove(via.size() - 1);
        }
        path.remove(path.size() - 1);
        wave.put(row, depth);
        return depth;
    }

    /** Names each row of the cycle and the reference it follows: {@code Team#1.captain -> Player#2.team -> Team#1}. */
    private static OrmException cycle(List<EntityState> rows, List<String> references, EntityState start) {
        StringBuilder described = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            described.append(rows.get(i).describe()).append('.').append(references.get(i)).append(" -> ");
        }
        described.append(start.describe());
        return new OrmException("These objects refer to each other in a cycle, so no order of INSERT/DELETE"
                + " statements satisfies their foreign keys: " + described
                + ". Break the cycle: leave one reference null, flush, then set it and flush again");
    }
}
