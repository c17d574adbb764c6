package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.Identifiers;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Expression;
import io.valence.orm.query.Order;
import io.valence.orm.query.Projection;
import io.valence.orm.query.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes the template of one projection:
 * {@code SELECT [DISTINCT] <expressions> FROM … [WHERE …] [GROUP BY …] [HAVING …] [ORDER BY …]
 * [LIMIT $n] [OFFSET $n] [FOR UPDATE …]}, with the columns of its rows and the assembler that makes
 * results of them. Everything a projection can get wrong (names, aggregate types, the result type,
 * a lock over groups) fails here, before any SQL.
 */
final class ProjectionWriter {
    private ProjectionWriter() {}

    /** A projection's template, without its values. */
    record Template(String sql, List<BindSlot> slots, List<ProjectedColumn> columns, RowAssembler assembler) {
        Template {
            slots = List.copyOf(slots);
            columns = List.copyOf(columns);
        }

        RenderedProjection bind(QueryValues values) {
            return new RenderedProjection(new SqlStatement(sql, Parameters.bind(slots, values)), columns, assembler);
        }
    }

    static Template write(Metamodel metamodel, Projection<?> projection, ConditionSplit conditions) {
        Select<?> source = projection.source();
        if (!source.loadOptions().isEmpty()) {
            throw QueryErrors.loadOptionsInProjection(projection);
        }
        EntityMapping root = metamodel.entity(source.entityType());
        FromClause from = new FromClause(metamodel, root);
        Parameters parameters = new Parameters();
        Expressions expressions = new Expressions(from);
        source.joins().forEach(from::join);
        StringJoiner list = new StringJoiner(", ");
        List<ProjectedColumn> columns = new ArrayList<>();
        boolean aggregates = false;
        for (Expression selection : projection.selections()) {
            ResolvedExpression resolved = expressions.resolve(selection);
            list.add(resolved.sql());
            columns.add(resolved.value());
            aggregates |= resolved.aggregate();
        }
        RowAssembler assembler = RowAssembler.of(projection.into(), projection.resultType(), columns);
        String where = clause(" WHERE ", conditions.shapes().get(0), new ConditionRenderer(from, parameters));
        StringJoiner groupBy = new StringJoiner(", ", " GROUP BY ", "").setEmptyValue("");
        projection.groupBy().forEach(path -> groupBy.add(from.resolve(path).sql()));
        String having = clause(" HAVING ", conditions.shapes().get(1), new ConditionRenderer(from, parameters, expressions));
        List<String> orderTerms = new ArrayList<>();
        for (Order order : source.orders()) {
            orderTerms.add(Expressions.orderTerm(expressions.resolve(order.expression()).sql(), order));
        }
        String limit = source.limit().isPresent() ? " LIMIT " + parameters.add(new BindSlot.Limit()) : "";
        String offset = source.offset().isPresent() ? " OFFSET " + parameters.add(new BindSlot.Offset()) : "";
        boolean grouped = aggregates || projection.isDistinct() || !projection.groupBy().isEmpty() || !having.isEmpty();
        if (source.lock().isPresent() && grouped) {
            throw QueryErrors.lockOfGroups(projection);
        }
        String lock = source.lock().map(from::lockClause).orElse("");
        String sql = "SELECT " + (projection.isDistinct() ? "DISTINCT " : "") + list + " FROM "
                + TableSource.of(root) + " AS " + FromClause.ROOT + from.joins() + where + groupBy + having
                + SelectWriter.orderBy(orderTerms) + limit + offset + lock;
        return new Template(sql, parameters.slots(), columns, assembler);
    }

    private static String clause(String keyword, Condition shape, ConditionRenderer renderer) {
        return shape == null ? "" : keyword + renderer.render(shape);
    }
}
