package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.ColumnType;
import io.valence.orm.internal.mapping.JsonText;
import io.valence.orm.internal.sql.SqlStatement.Bind;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Subquery;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Renders the shape of a condition ({@link ConditionSplit#shape()}) as SQL, resolving paths through a
 * resolver; each value slot becomes a parameter that binds the split's value at that slot (an IN's
 * list as one array). Nested AND/OR and every NOT are parenthesized.
 */
final class ConditionRenderer {
    private final FromClause scope;
    private final Function<String, ResolvedColumn> resolver;
    private final Parameters parameters;
    private final Expressions aggregates;

    /** A renderer of the WHERE of a query over {@code scope}'s tables; aggregates are refused. */
    ConditionRenderer(FromClause scope, Parameters parameters) {
        this(scope, scope::resolve, parameters, null);
    }

    /** A renderer of the HAVING of a query over {@code scope}'s tables, comparing aggregates too. */
    ConditionRenderer(FromClause scope, Parameters parameters, Expressions aggregates) {
        this(scope, scope::resolve, parameters, aggregates);
    }

    /** A renderer of a bulk statement's WHERE: paths through {@code resolver}, no subquery, no aggregate. */
    ConditionRenderer(Function<String, ResolvedColumn> resolver, Parameters parameters) {
        this(null, resolver, parameters, null);
    }

    private ConditionRenderer(
            FromClause scope, Function<String, ResolvedColumn> resolver, Parameters parameters, Expressions aggregates) {
        this.scope = scope;
        this.resolver = resolver;
        this.parameters = parameters;
        this.aggregates = aggregates;
    }

    /** Renders a shape: a condition whose values are {@link ConditionSplit.ValueSlot}s. */
    String render(Condition condition) {
        KeyColumns key = condition instanceof Condition.Comparison comparison && scope != null
                ? scope.compositeKey(comparison.path()) : null;
        if (key != null) {
            return keyComparison((Condition.Comparison) condition, key);
        }
        if (condition instanceof Condition.Comparison comparison) {
            ResolvedColumn column = resolver.apply(comparison.path());
            boolean pattern = comparison.operator() == Condition.Operator.LIKE
                    || comparison.operator() == Condition.Operator.ILIKE;
            BindSlot.Mode mode = pattern ? BindSlot.Mode.PATTERN : BindSlot.Mode.SCALAR;
            String marker = parameters.add(new BindSlot.ConditionValue(ConditionSplit.slotOf(comparison.value()), column, mode));
            return column.sql() + " " + operator(comparison.operator()) + " " + marker;
        }
        if (condition instanceof Condition.AggregateComparison compared) {
            return aggregateComparison(compared);
        }
        if (condition instanceof Condition.PropertyComparison compared) {
            return resolver.apply(compared.path()).sql() + " " + operator(compared.operator()) + " "
                    + resolver.apply(compared.otherPath()).sql();
        }
        if (condition instanceof Condition.Exists exists) {
            return exists(exists);
        }
        if (condition instanceof Condition.InSubquery in) {
            return inSubquery(in);
        }
        if (condition instanceof Condition.Between between) {
            ResolvedColumn column = resolver.apply(between.path());
            String low = parameters.add(scalar(between.low(), column));
            return column.sql() + " BETWEEN " + low + " AND " + parameters.add(scalar(between.high(), column));
        }
        if (condition instanceof Condition.ArrayCondition array) {
            return array(array);
        }
        if (condition instanceof Condition.JsonComparison json) {
            ResolvedColumn column = resolver.apply(json.path());
            if (column.column().type().driverType() != JsonText.class) {
                throw QueryErrors.notJson(column);
            }
            String keys = parameters.add(new BindSlot.Fixed(new Bind(json.keys().toArray(String[]::new), String[].class)));
            String value = parameters.add(new BindSlot.ConditionValue(
                    ConditionSplit.slotOf(json.value()), column, BindSlot.Mode.TEXT));
            return "(" + column.sql() + " #>> " + keys + "::text[]) = " + value;
        }
        if (condition instanceof Condition.In in) {
            ResolvedColumn column = resolver.apply(in.path());
            String marker = parameters.add(new BindSlot.ConditionValue(
                    ConditionSplit.slotOf(in.values().get(0)), column, BindSlot.Mode.ARRAY));
            return column.sql() + " = ANY(" + marker + "::" + column.column().type().arrayType() + ")";
        }
        if (condition instanceof Condition.IsNull isNull) {
            return resolver.apply(isNull.path()).sql() + " IS NULL";
        }
        if (condition instanceof Condition.IsNotNull isNotNull) {
            return resolver.apply(isNotNull.path()).sql() + " IS NOT NULL";
        }
        if (condition instanceof Condition.And and) {
            return junction(" AND ", and.conditions());
        }
        if (condition instanceof Condition.Or or) {
            return junction(" OR ", or.conditions());
        }
        Condition.Not not = (Condition.Not) condition;
        return "NOT (" + render(not.condition()) + ")";
    }

    /**
     * {@code (t1."a", t1."b") = ($1, $2)}: a composite key compared part by part with an object or a
     * key object; only equality and inequality.
     */
    private String keyComparison(Condition.Comparison comparison, KeyColumns key) {
        if (comparison.operator() != Condition.Operator.EQ && comparison.operator() != Condition.Operator.NE) {
            throw QueryErrors.compositeKeyOperator(key, operator(comparison.operator()));
        }
        int slot = ConditionSplit.slotOf(comparison.value());
        StringJoiner columns = new StringJoiner(", ", "(", ")");
        StringJoiner markers = new StringJoiner(", ", "(", ")");
        for (int part = 0; part < key.columns().size(); part++) {
            columns.add(key.columns().get(part).sql());
            markers.add(parameters.add(new BindSlot.KeyPart(slot, key, part)));
        }
        return columns + " " + operator(comparison.operator()) + " " + markers;
    }

    /** {@code col @> $n::type[]}, {@code col && $n::type[]} or {@code $n::type = ANY(col)}. */
    private String array(Condition.ArrayCondition array) {
        ResolvedColumn column = resolver.apply(array.path());
        ColumnType type = column.column().type();
        if (!type.arrayColumn()) {
            throw QueryErrors.notAnArray(column, array.operator());
        }
        int slot = ConditionSplit.slotOf(array.value());
        if (array.operator() == Condition.ArrayOperator.ANY) {
            String element = parameters.add(new BindSlot.ConditionValue(slot, column, BindSlot.Mode.ELEMENT));
            String elementType = type.ddlType().substring(0, type.ddlType().length() - 2);
            return element + "::" + elementType + " = ANY(" + column.sql() + ")";
        }
        String elements = parameters.add(new BindSlot.ConditionValue(slot, column, BindSlot.Mode.ELEMENTS));
        String operator = array.operator() == Condition.ArrayOperator.CONTAINS ? " @> " : " && ";
        return column.sql() + operator + elements + "::" + type.ddlType();
    }

    private String aggregateComparison(Condition.AggregateComparison compared) {
        if (aggregates == null) {
            throw QueryErrors.aggregateOutsideHaving(compared.aggregate());
        }
        ResolvedExpression aggregate = aggregates.resolve(compared.aggregate());
        int slot = ConditionSplit.slotOf(compared.value());
        BindSlot bind = aggregate.comparesAsColumn()
                ? new BindSlot.ConditionValue(slot, aggregate.column(), BindSlot.Mode.SCALAR)
                : new BindSlot.NumberValue(slot, aggregate.value().javaType(), compared.aggregate().name());
        return aggregate.sql() + " " + operator(compared.operator()) + " " + parameters.add(bind);
    }

    /** {@code EXISTS (SELECT 1 FROM "target" AS tN [joins] WHERE <correlation> [AND (<condition>)])}. */
    private String exists(Condition.Exists exists) {
        if (scope == null) {
            throw QueryErrors.existsInBulk(exists.relationshipPath());
        }
        FromClause.Correlated subquery = scope.correlate(exists.relationshipPath());
        String where = subquery.correlation();
        if (exists.condition() != null) {
            where += " AND (" + new ConditionRenderer(subquery.from(), parameters).render(exists.condition()) + ")";
        }
        return "EXISTS (SELECT 1 FROM " + subquery.from().rootTable() + subquery.from().joins() + " WHERE " + where + ")";
    }

    /**
     * {@code <column> IN (SELECT tN."selected" FROM … WHERE [<correlation> AND] [(<condition>) AND]
     * tN."selected" IS NOT NULL)}, the null filter only for a nullable selected column.
     */
    private String inSubquery(Condition.InSubquery in) {
        if (scope == null) {
            throw QueryErrors.subqueryInBulk(in.path());
        }
        ResolvedColumn column = resolver.apply(in.path());
        FromClause from;
        StringJoiner where = new StringJoiner(" AND ");
        Condition condition;
        if (in.subquery() instanceof Subquery.Correlated correlated) {
            FromClause.Correlated subquery = scope.correlate(correlated.relationshipPath());
            from = subquery.from();
            where.add(subquery.correlation());
            condition = correlated.condition();
        } else {
            Subquery.Uncorrelated uncorrelated = (Subquery.Uncorrelated) in.subquery();
            from = scope.subquery(scope.metamodel().entity(uncorrelated.entityType()));
            uncorrelated.joins().forEach(from::join);
            condition = uncorrelated.where();
        }
        ResolvedColumn selected = from.resolve(in.subquery().selected());
        if (selected.column().type().javaType() != column.column().type().javaType()) {
            throw QueryErrors.subqueryTypeMismatch(column, selected);
        }
        if (condition != null) {
            where.add("(" + new ConditionRenderer(from, parameters).render(condition) + ")");
        }
        if (selected.column().nullable()) {
            where.add(selected.sql() + " IS NOT NULL");
        }
        String filter = where.length() == 0 ? "" : " WHERE " + where;
        return column.sql() + " IN (SELECT " + selected.sql() + " FROM " + from.rootTable() + from.joins() + filter + ")";
    }

    private static BindSlot scalar(Object shapeValue, ResolvedColumn column) {
        return new BindSlot.ConditionValue(ConditionSplit.slotOf(shapeValue), column, BindSlot.Mode.SCALAR);
    }

    private String junction(String separator, List<Condition> conditions) {
        StringJoiner joined = new StringJoiner(separator);
        for (Condition condition : conditions) {
            String rendered = render(condition);
            boolean compound = condition instanceof Condition.And || condition instanceof Condition.Or;
            joined.add(compound ? "(" + rendered + ")" : rendered);
        }
        return joined.toString();
    }

    private static String operator(Condition.Operator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case LIKE -> "LIKE";
            case ILIKE -> "ILIKE";
        };
    }
}
