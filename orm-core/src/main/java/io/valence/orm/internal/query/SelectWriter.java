package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.sql.Identifiers;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Expression;
import io.valence.orm.query.Order;
import io.valence.orm.query.Select;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes the template of one query: the main SELECT with its filter joins, load joins and select
 * list, the nested select-in queries, or a count. One instance writes one statement.
 */
final class SelectWriter {
    private static final String ORDER_COLUMN = "valence_order_";

    private final FromClause from;
    private final Parameters parameters = new Parameters();
    private final List<SelectedEntity> entities = new ArrayList<>();
    private final List<String> entityAliases = new ArrayList<>();
    private final List<SelectIn> selectIns = new ArrayList<>();
    private final StringBuilder loadJoins = new StringBuilder();
    /** The {@code @OrderBy} terms of joined collections, after the query's own order. */
    private final List<String> loadOrder = new ArrayList<>();
    private int width;

    private SelectWriter(Metamodel metamodel, EntityMapping root) {
        this.from = new FromClause(metamodel, root);
        addEntity(root, FromClause.ROOT, -1, null);
    }

    /** The main query of {@code select}. */
    static SelectTemplate select(Metamodel metamodel, Select<?> select, Condition where) {
        EntityMapping root = metamodel.entity(select.entityType());
        SelectWriter writer = new SelectWriter(metamodel, root);
        Collection<LoadNode> loads = LoadNode.tree(root, select.loadOptions(), writer.from::target);
        return writer.writeSelect(select, where, loads);
    }

    /** {@code SELECT count(*)} over the rows {@code select} matches; orders, limits and loads left out. */
    static SelectTemplate count(Metamodel metamodel, Select<?> select, Condition whereShape) {
        SelectWriter writer = new SelectWriter(metamodel, metamodel.entity(select.entityType()));
        FromClause from = writer.from;
        select.joins().forEach(from::join);
        String where = writer.where(whereShape);
        String counted = from.joinsCollection() ? "count(DISTINCT " + keyTuple(from.root()) + ")" : "count(*)";
        String sql = "SELECT " + counted + " FROM " + writer.rootTable() + from.joins() + where;
        return new SelectTemplate(sql, writer.parameters.slots(), List.of(), List.of(), false);
    }

    /** The root's key: {@code t0."id"}, or the row {@code (t0."a", t0."b")} of a composite key's columns. */
    private static String keyTuple(EntityMapping root) {
        if (!root.key().isComposite()) {
            return Identifiers.qualified(FromClause.ROOT, root.id().column());
        }
        StringJoiner columns = new StringJoiner(", ", "(", ")");
        root.key().parts().forEach(part -> columns.add(Identifiers.qualified(FromClause.ROOT, part.column())));
        return columns.toString();
    }

    /**
     * {@code SELECT <columns> FROM "t" AS t0 WHERE t0."id" = $1}; for a composite key
     * {@code WHERE (t0."a", t0."b") = ($1, $2)}.
     */
    static String byId(Metamodel metamodel, EntityMapping mapping) {
        SelectWriter writer = new SelectWriter(metamodel, mapping);
        int keyParts = mapping.key().isComposite() ? mapping.key().parts().size() : 1;
        StringJoiner parameters = new StringJoiner(", ", keyParts == 1 ? "" : "(", keyParts == 1 ? "" : ")");
        for (int i = 0; i < keyParts; i++) {
            parameters.add("$" + (i + 1));
        }
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < DiscriminatorFilter.binds(mapping).size(); i++) {
            markers.add("$" + (keyParts + i + 1)); // after the key's, as SelectRenderer.byId binds them
        }
        return "SELECT " + writer.selectList() + " FROM " + writer.rootTable() + " WHERE " + keyTuple(mapping)
                + " = " + parameters
                + (markers.isEmpty() ? "" : " AND " + DiscriminatorFilter.condition(mapping, FromClause.ROOT, markers));
    }

    private SelectTemplate writeSelect(Select<?> select, Condition whereShape, Collection<LoadNode> loads) {
        select.joins().forEach(from::join);
        String where = where(whereShape);
        List<String> orderTerms = new ArrayList<>();
        for (Order order : select.orders()) {
            orderTerms.add(Expressions.orderTerm(from.resolve(propertyPath(order)).sql(), order));
        }
        String limit = select.limit().isPresent() ? " LIMIT " + parameters.add(new BindSlot.Limit()) : "";
        String offset = select.offset().isPresent() ? " OFFSET " + parameters.add(new BindSlot.Offset()) : "";
        String lock = select.lock().map(from::lockClause).orElse("");
        String filterJoins = from.joins();
        load(0, loads);
        String sql;
        if ((!limit.isEmpty() || !offset.isEmpty()) && LoadNode.joinsCollection(loads)) {
            sql = limitedRootSubquery(select.orders(), filterJoins + where, limit + offset + lock);
        } else {
            orderTerms.addAll(loadOrder);
            sql = "SELECT " + selectList() + " FROM " + rootTable() + filterJoins + loadJoins + where
                    + orderBy(orderTerms) + limit + offset + lock;
        }
        return new SelectTemplate(sql, parameters.slots(), entities, selectIns, from.joinsCollection());
    }

    /**
     * {@code SELECT … FROM (SELECT t0.* … LIMIT … [FOR UPDATE …]) AS t0 LEFT OUTER JOIN …}: the limit
     * counts roots, not root-times-collection rows, and a lock takes the roots' rows. Order terms on
     * joined tables leave the subquery as extra columns so that the outer query can repeat the order.
     */
    private String limitedRootSubquery(List<Order> orders, String filtering, String limiting) {
        StringBuilder inner = new StringBuilder("SELECT ").append(FromClause.ROOT).append(".*");
        List<String> innerOrder = new ArrayList<>();
        List<String> outerOrder = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            ResolvedColumn column = from.resolve(propertyPath(orders.get(i)));
            innerOrder.add(Expressions.orderTerm(column.sql(), orders.get(i)));
            if (column.owner() == from.root() && !column.path().contains(".")) {
                outerOrder.add(Expressions.orderTerm(column.sql(), orders.get(i)));
            } else {
                String name = ORDER_COLUMN + (i + 1);
                inner.append(", ").append(column.sql()).append(" AS ").append(Identifiers.quote(name));
                outerOrder.add(Expressions.orderTerm(Identifiers.qualified(FromClause.ROOT, name), orders.get(i)));
            }
        }
        outerOrder.addAll(loadOrder);
        inner.append(" FROM ").append(rootTable()).append(filtering).append(orderBy(innerOrder)).append(limiting);
        return "SELECT " + selectList() + " FROM (" + inner + ") AS " + FromClause.ROOT + loadJoins + orderBy(outerOrder);
    }

    /** The property an entity query orders by; an aggregate needs a grouped projection. */
    private static String propertyPath(Order order) {
        if (order.expression() instanceof Expression.Aggregate aggregate) {
            throw QueryErrors.aggregateOrderOfEntities(aggregate);
        }
        return ((Expression.Property) order.expression()).path();
    }

    /** The follow-up query loading {@code node}'s relationship of the entity at {@code from}, an {@code owner}. */
    private static SelectIn selectIn(Metamodel metamodel, int from, EntityMapping owner, LoadNode node) {
        RelationshipMapping relationship = node.relationship();
        EntityMapping target = node.target();
        SelectWriter writer = new SelectWriter(metamodel, target);
        if (relationship.isLinked()) {
            return writer.linkedSelectIn(from, owner, node);
        }
        List<ColumnMapping> keyColumns = SelectIn.matchedColumns(relationship, target);
        ColumnMapping keyColumn = keyColumns.get(0);
        String match = keyColumns.size() == 1 ? null : compositeKeyMatch(writer, keyColumns);
        String marker = match != null ? null : writer.parameters.add(new BindSlot.Fixed(BindValues.keyPlaceholder(keyColumn)));
        String filter = DiscriminatorFilter.condition(target, FromClause.ROOT, writer.parameters);
        writer.load(0, node.children());
        List<String> order = new ArrayList<>(collectionOrder(relationship, FromClause.ROOT));
        order.addAll(writer.loadOrder);
        String sql = "SELECT " + writer.selectList() + " FROM " + writer.rootTable() + writer.loadJoins + " WHERE "
                + (match != null ? match : Identifiers.qualified(FromClause.ROOT, keyColumn.column()) + " = ANY(" + marker
                        + "::" + keyColumn.type().arrayType() + ")") + (filter.isEmpty() ? "" : " AND " + filter)
                + orderBy(order);
        SqlStatement statement = new SqlStatement(sql, Parameters.bind(writer.parameters.slots(), QueryValues.NONE));
        return new SelectIn(from, relationship, new RenderedSelect(statement, writer.entities, writer.selectIns), keyColumn);
    }

    /**
     * {@code (t0."a", t0."b") IN (SELECT * FROM unnest($1::bigint[], $2::integer[]))}: a select-in's
     * match of composite keys, one array parameter per part.
     */
    private static String compositeKeyMatch(SelectWriter writer, List<ColumnMapping> keyColumns) {
        StringJoiner columns = new StringJoiner(", ", "(", ")");
        StringJoiner arrays = new StringJoiner(", ", "unnest(", ")");
        for (ColumnMapping column : keyColumns) {
            columns.add(Identifiers.qualified(FromClause.ROOT, column.column()));
            arrays.add(writer.parameters.add(new BindSlot.Fixed(BindValues.keyPlaceholder(column))) + "::"
                    + column.type().arrayType());
        }
        return columns + " IN (SELECT * FROM " + arrays + ")";
    }

    /**
     * The follow-up query of a many-to-many: the targets joined to the link table, each row ending
     * with the owner's id it is linked to, {@code SELECT t0.…, t1."order_id" FROM "tag" AS t0 INNER
     * JOIN "order_tag" AS t1 ON t1."tag_id" = t0."id" WHERE t1."order_id" = ANY($1::bigint[])}. A target
     * linked to several owners comes once per owner.
     */
    private SelectIn linkedSelectIn(int from, EntityMapping owner, LoadNode node) {
        RelationshipMapping relationship = node.relationship();
        RelationshipMapping.LinkTable link = relationship.link();
        ColumnMapping keyColumn = owner.id();
        String marker = parameters.add(new BindSlot.Fixed(BindValues.keyPlaceholder(keyColumn)));
        String linkAlias = this.from.newAlias();
        load(0, node.children());
        List<String> order = new ArrayList<>(collectionOrder(relationship, FromClause.ROOT));
        order.addAll(loadOrder);
        // a unidirectional one-to-many's foreign key is a column of the target's own table
        String ownerColumn = Identifiers.qualified(link.inTargetTable() ? FromClause.ROOT : linkAlias, link.ownColumn());
        String linkJoin = link.inTargetTable() ? "" : " INNER JOIN " + Identifiers.quote(link.table()) + " AS " + linkAlias
                + " ON " + Identifiers.qualified(linkAlias, link.otherColumn()) + " = "
                + Identifiers.qualified(FromClause.ROOT, this.from.root().id().column());
        String sql = "SELECT " + selectList() + ", " + ownerColumn + " FROM " + rootTable() + linkJoin + loadJoins
                + " WHERE " + ownerColumn + " = ANY(" + marker + "::" + keyColumn.type().arrayType() + ")" + orderBy(order);
        SqlStatement statement = new SqlStatement(sql, Parameters.bind(parameters.slots(), QueryValues.NONE));
        return new SelectIn(from, relationship, new RenderedSelect(statement, entities, selectIns, true), keyColumn, width);
    }

    /** Joins (JOINED) or schedules (SELECT_IN) each node's relationship of the entity at {@code index}. */
    private void load(int index, Collection<LoadNode> nodes) {
        SelectedEntity parent = entities.get(index);
        for (LoadNode node : nodes) {
            if (!node.isJoined()) {
                selectIns.add(selectIn(from.metamodel(), index, parent.mapping(), node));
                continue;
            }
            String alias = from.newAlias();
            loadJoins.append(FromClause.joinSql("LEFT OUTER JOIN", parent.mapping(), entityAliases.get(index),
                    node.relationship(), node.target(), alias));
            String filter = DiscriminatorFilter.condition(node.target(), alias, parameters);
            loadJoins.append(filter.isEmpty() ? "" : " AND " + filter); // a collection of a subclass
            loadOrder.addAll(collectionOrder(node.relationship(), alias));
            int joined = entities.size();
            addEntity(node.target(), alias, index, node.relationship());
            load(joined, node.children());
        }
    }

    /** A collection's {@code @OrderBy} as order terms over the target's alias; none for other relationships. */
    private static List<String> collectionOrder(RelationshipMapping relationship, String alias) {
        return relationship.orderBy().stream()
                .map(term -> Identifiers.qualified(alias, term.column().column()) + (term.descending() ? " DESC" : ""))
                .toList();
    }

    /** {@code " WHERE …"} for a condition's shape and a subclass's discriminator values, or nothing for neither. */
    private String where(Condition shape) {
        String filter = DiscriminatorFilter.condition(from.root(), FromClause.ROOT, parameters);
        String condition = shape == null ? "" : new ConditionRenderer(from, parameters).render(shape);
        if (filter.isEmpty() || condition.isEmpty()) {
            return filter.isEmpty() && condition.isEmpty() ? "" : " WHERE " + filter + condition;
        }
        return " WHERE " + filter + " AND (" + condition + ")";
    }

    /** {@code " ORDER BY a, b"}, or nothing for no terms. */
    static String orderBy(List<String> terms) {
        return terms.isEmpty() ? "" : " ORDER BY " + String.join(", ", terms);
    }

    private void addEntity(EntityMapping mapping, String alias, int parent, RelationshipMapping via) {
        entities.add(new SelectedEntity(mapping, width, parent, via));
        entityAliases.add(alias);
        width += mapping.columns().size();
    }

    private String selectList() {
        StringJoiner list = new StringJoiner(", ");
        for (int i = 0; i < entities.size(); i++) {
            for (ColumnMapping column : entities.get(i).mapping().columns()) {
                list.add(Identifiers.qualified(entityAliases.get(i), column.column()));
            }
        }
        return list.toString();
    }

    private String rootTable() {
        return TableSource.of(from.root()) + " AS " + FromClause.ROOT;
    }
}
