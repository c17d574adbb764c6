package io.valence.orm.internal.flush;

import io.valence.orm.internal.mapping.EntityMapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The insert, update and delete nodes of one flush and the edges between them, sorted
 * topologically. Hard edges come from foreign keys; soft edges (a table's deletes before its
 * inserts and updates, its updates before its inserts, whichever classes of a hierarchy the rows
 * are) are kept only when they leave the graph acyclic.
 */
final class StepGraph {
    enum Kind {
        INSERT,
        UPDATE,
        DELETE
    }

    /** A node: all inserts or deletes of a component, or the updates of one type. */
    record Node(Kind kind, int component, EntityMapping type) {
        static Node insert(int component) {
            return new Node(Kind.INSERT, component, null);
        }

        static Node delete(int component) {
            return new Node(Kind.DELETE, component, null);
        }

        static Node update(int component, EntityMapping type) {
            return new Node(Kind.UPDATE, component, type);
        }
    }

    private final TypeGraph types;
    private final Set<Node> nodes = new LinkedHashSet<>();

    StepGraph(TypeGraph types) {
        this.types = types;
    }

    void add(Node node) {
        nodes.add(node);
    }

    List<Node> order() {
        Map<Node, Set<Node>> edges = hardEdges();
        // Soft edges, in order of importance: a table's deletes first (they free unique keys), then
        // its updates before its inserts (an update may free a key a new row takes, as in SQLAlchemy).
        for (Node delete : nodes) {
            if (delete.kind() == Kind.DELETE) {
                addSoftEdges(edges, delete, later -> later.kind() != Kind.DELETE);
            }
        }
        for (Node update : nodes) {
            if (update.kind() == Kind.UPDATE) {
                addSoftEdges(edges, update, later -> later.kind() == Kind.INSERT);
            }
        }
        return sort(edges);
    }

    /**
     * Adds an edge from {@code first} to each node of its table that {@code later} accepts, unless it
     * closes a cycle. The classes of a hierarchy are components of their own but share the root's
     * table (and key): a deleted row of one class frees the key that a new row of another takes.
     */
    private void addSoftEdges(Map<Node, Set<Node>> edges, Node first, Predicate<Node> later) {
        for (Node next : nodes) {
            if (next != first && later.test(next) && sharesTable(next.component(), first.component())) {
                if (edges.get(first).add(next) && sort(edges) == null) {
                    edges.get(first).remove(next); // a foreign key needs the other order
                }
            }
        }
    }

    private Map<Node, Set<Node>> hardEdges() {
        Map<Node, Set<Node>> edges = new HashMap<>();
        nodes.forEach(node -> edges.put(node, new LinkedHashSet<>()));
        for (Node from : nodes) {
            for (Node to : nodes) {
                if (from != to && mustPrecede(from, to)) {
                    edges.get(from).add(to);
                }
            }
        }
        return edges;
    }

    /** Whether {@code from} must run before {@code to} because of a foreign key. */
    private boolean mustPrecede(Node from, Node to) {
        // Within a component, rows can point at each other only when it is cyclic (self or mutual
        // references); a plain table's inserts, updates and deletes have no foreign key order among them.
        boolean sameComponent = from.component() == to.component() && types.isCyclic(from.component());
        return switch (from.kind()) {
            // parents are inserted before children are inserted or updated to point at them
            case INSERT -> (to.kind() == Kind.INSERT && dependsOn(to.component(), from.component()))
                    || (to.kind() == Kind.UPDATE && (sameComponent || dependsOn(to.component(), from.component())));
            // children stop pointing at a parent before the parent is deleted
            case UPDATE -> to.kind() == Kind.DELETE && (sameComponent || dependsOn(from.component(), to.component()));
            // children are deleted before their parents
            case DELETE -> to.kind() == Kind.DELETE && dependsOn(from.component(), to.component());
        };
    }

    private boolean sharesTable(int component, int other) {
        if (component == other) {
            return true;
        }
        for (EntityMapping type : types.members(component)) {
            for (EntityMapping otherType : types.members(other)) {
                if (type.table().equals(otherType.table())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean dependsOn(int child, int parent) {
        if (child == parent) {
            return false;
        }
        for (EntityMapping type : types.members(child)) {
            for (EntityMapping target : types.dependencies(type)) {
                if (types.componentOf(target) == parent) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Kahn's algorithm; among ready nodes: inserts and updates parent-first, then deletes child-first. */
    private List<Node> sort(Map<Node, Set<Node>> edges) {
        Map<Node, Integer> incoming = new HashMap<>();
        nodes.forEach(node -> incoming.put(node, 0));
        edges.values().forEach(targets -> targets.forEach(target -> incoming.merge(target, 1, Integer::sum)));
        PriorityQueue<Node> ready = new PriorityQueue<>(Comparator
                .comparingInt((Node node) -> node.kind().ordinal())
                .thenComparingInt(node -> node.kind() == Kind.DELETE ? -node.component() : node.component())
                .thenComparing(node -> node.type() == null ? "" : node.type().type().getName()));
        incoming.forEach((node, count) -> {
            if (count == 0) {
                ready.add(node);
            }
        });
        List<Node> sorted = new ArrayList<>();
        while (!ready.isEmpty()) {
            Node node = ready.poll();
            sorted.add(node);
            for (Node target : edges.get(node)) {
                if (incoming.merge(target, -1, Integer::sum) == 0) {
                    ready.add(target);
                }
            }
        }
        return sorted.size() == nodes.size() ? sorted : null;
    }
}
