package io.valence.orm.internal.schema;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.mapping.RelationshipMapping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which tables are created: every table after the tables its foreign keys reference, ties
 * broken by table name so the DDL is the same whatever order the entities were registered in. Tables
 * that reference each other in a cycle cannot all come after each other: the first one of the cycle by
 * name is created first, and its foreign keys to tables not yet created are added afterwards.
 *
 * @param tables the tables in creation order
 * @param deferred the foreign keys added with ALTER TABLE after every table exists
 */
record TableOrder(List<EntityMapping> tables, Set<RelationshipMapping> deferred) {

    static TableOrder of(Metamodel metamodel) {
        List<EntityMapping> remaining = new ArrayList<>(metamodel.tables());
        remaining.sort(Comparator.comparing(EntityMapping::table));
        List<EntityMapping> order = new ArrayList<>();
        Set<Class<?>> created = new HashSet<>();
        Set<RelationshipMapping> deferred = new LinkedHashSet<>();
        while (!remaining.isEmpty()) {
            EntityMapping next = remaining.stream()
                    .filter(table -> created.containsAll(parents(table)))
                    .findFirst()
                    .orElseGet(() -> remaining.stream()
                            .filter(table -> isInCycle(table, remaining))
                            .findFirst()
                            .orElseThrow());
            for (RelationshipMapping foreignKey : foreignKeys(next)) {
                if (foreignKey.target() != next.type() && !created.contains(foreignKey.target())) {
                    deferred.add(foreignKey);
                }
            }
            remaining.remove(next);
            created.add(next.type());
            order.add(next);
        }
        return new TableOrder(List.copyOf(order), Set.copyOf(deferred));
    }

    /** The owning relationships of a table, whose foreign key columns live in it. */
    static List<RelationshipMapping> foreignKeys(EntityMapping table) {
        return table.relationships().stream().filter(RelationshipMapping::isOwning).toList();
    }

    /** The tables a table references, itself excluded: a self-reference can be declared inline. */
    private static Set<Class<?>> parents(EntityMapping table) {
        Set<Class<?>> parents = new HashSet<>();
        if (table.primaryTable() != null) { // a JOINED subclass's table references its root's
            parents.add(table.primaryTable().type());
        }
        for (RelationshipMapping foreignKey : foreignKeys(table)) {
            if (foreignKey.target() != table.type()) {
                parents.add(foreignKey.target());
            }
        }
        return parents;
    }

    /** Whether following foreign keys among the remaining tables leads from {@code start} back to it. */
    private static boolean isInCycle(EntityMapping start, List<EntityMapping> remaining) {
        Deque<EntityMapping> toVisit = new ArrayDeque<>(List.of(start));
        Set<Class<?>> visited = new HashSet<>();
        while (!toVisit.isEmpty()) {
            for (Class<?> parent : parents(toVisit.pop())) {
                if (parent == start.type()) {
                    return true;
                }
                if (visited.add(parent)) {
                    remaining.stream().filter(table -> table.type() == parent).findFirst().ifPresent(toVisit::push);
                }
            }
        }
        return false;
    }
}
