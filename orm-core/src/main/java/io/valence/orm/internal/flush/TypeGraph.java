package io.valence.orm.internal.flush;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.mapping.RelationshipMapping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The foreign key dependencies between entity types, grouped into strongly connected components
 * (Tarjan) and numbered parent-first. Types in one cyclic component (self-references, mutual
 * references) need row-by-row ordering; all others are ordered as whole tables.
 */
final class TypeGraph {
    private final Map<EntityMapping, Set<EntityMapping>> dependsOn = new HashMap<>();
    private final Map<EntityMapping, Integer> component = new HashMap<>();
    private final List<List<EntityMapping>> components = new ArrayList<>();
    private final Set<Integer> cyclic = new java.util.HashSet<>();

    TypeGraph(Metamodel metamodel) {
        List<EntityMapping> types = new ArrayList<>(metamodel.entities());
        types.sort(Comparator.comparing(mapping -> mapping.type().getName())); // deterministic order
        for (EntityMapping type : types) {
            Set<EntityMapping> targets = new LinkedHashSet<>();
            for (RelationshipMapping relationship : type.relationships()) {
                if (relationship.isOwning()) {
                    targets.addAll(metamodel.concreteOf(relationship.target())); // a base type: each subclass
                }
            }
            dependsOn.put(type, targets);
        }
        new Tarjan(types).run();
    }

    /** @return the types a type's foreign keys point to */
    Set<EntityMapping> dependencies(EntityMapping type) {
        return dependsOn.get(type);
    }

    /** @return the component number of a type; parents have lower numbers than their children */
    int componentOf(EntityMapping type) {
        return component.get(type);
    }

    /** @return the types of a component, sorted by name */
    List<EntityMapping> members(int componentIndex) {
        return components.get(componentIndex);
    }

    /** @return whether the component needs row-by-row ordering */
    boolean isCyclic(int componentIndex) {
        return cyclic.contains(componentIndex);
    }

    /** Tarjan's algorithm; components come out dependencies-first, which is the insert order. */
    private final class Tarjan {
        private final List<EntityMapping> types;
        private final Map<EntityMapping, Integer> index = new HashMap<>();
        private final Map<EntityMapping, Integer> low = new HashMap<>();
        private final Deque<EntityMapping> stack = new ArrayDeque<>();
        private final Set<EntityMapping> onStack = new java.util.HashSet<>();
        private int counter;

        Tarjan(List<EntityMapping> types) {
            this.types = types;
        }

        void run() {
            for (EntityMapping type : types) {
                if (!index.containsKey(type)) {
                    visit(type);
                }
            }
        }

        private void visit(EntityMapping type) {
            index.put(type, counter);
            low.put(type, counter++);
            stack.push(type);
            onStack.add(type);
            for (EntityMapping target : dependsOn.get(type)) {
                if (!index.containsKey(target)) {
                    visit(target);
                    low.put(type, Math.min(low.get(type), low.get(target)));
                } else if (onStack.contains(target)) {
                    low.put(type, Math.min(low.get(type), index.get(target)));
                }
            }
            if (low.get(type).equals(index.get(type))) {
                List<EntityMapping> members = new ArrayList<>();
                EntityMapping member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    members.add(member);
                } while (member != type);
                members.sort(Comparator.comparing(mapping -> mapping.type().getName()));
                int number = components.size();
                components.add(members);
                members.forEach(m -> component.put(m, number));
                if (members.size() > 1 || dependsOn.get(type).contains(type)) {
                    cyclic.add(number);
                }
            }
        }
    }
}
