package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.query.LoadOption;
import io.valence.orm.query.LoadStep;
import io.valence.orm.query.LoadStrategy;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One step of the load options of a query, merged into a tree: options that share a prefix
 * ({@code Load.joined("parent")} and {@code Load.joined("parent").selectIn("children")}) share its
 * nodes, so a relationship is joined or selected once. Relationship names are checked on the way.
 */
final class LoadNode {
    private final LoadStep step;
    private final RelationshipMapping relationship;
    private final EntityMapping target;
    private final Map<LoadStep, LoadNode> children = new LinkedHashMap<>();

    private LoadNode(LoadStep step, RelationshipMapping relationship, EntityMapping target) {
        this.step = step;
        this.relationship = relationship;
        this.target = target;
    }

    /** The top steps of the tree for a query of {@code root}, in the order options first name them. */
    static Collection<LoadNode> tree(
            EntityMapping root, Collection<LoadOption> options, Function<RelationshipMapping, EntityMapping> targets) {
        Map<LoadStep, LoadNode> top = new LinkedHashMap<>();
        for (LoadOption option : options) {
            Map<LoadStep, LoadNode> level = top;
            EntityMapping mapping = root;
            for (LoadStep step : option.steps()) {
                EntityMapping owner = mapping;
                LoadNode node = level.get(step);
                if (node == null) {
                    RelationshipMapping relationship =
                            FromClause.relationship(owner, step.relationship(), step.relationship());
                    node = new LoadNode(step, relationship, targets.apply(relationship));
                    level.put(step, node);
                }
                level = node.children;
                mapping = node.target;
            }
        }
        return top.values();
    }

    /** Whether a JOINED step through a collection is reached from these nodes by JOINED steps only. */
    static boolean joinsCollection(Collection<LoadNode> nodes) {
        for (LoadNode node : nodes) {
            if (node.isJoined() && (node.relationship.isCollection() || joinsCollection(node.children()))) {
                return true;
            }
        }
        return false;
    }

    boolean isJoined() {
        return step.strategy() == LoadStrategy.JOINED;
    }

    RelationshipMapping relationship() {
        return relationship;
    }

    EntityMapping target() {
        return target;
    }

    Collection<LoadNode> children() {
        return children.values();
    }
}
