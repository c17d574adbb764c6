package io.valence.orm.internal.query;

import io.valence.orm.query.Expression;
import io.valence.orm.query.Order;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves the expressions of a projection, an order or a HAVING against the tables of one
 * statement: a property to its column, an aggregate to its SQL and the Java type of its result.
 * {@code sum} of integers is cast to {@code bigint} (a {@code Long}; PostgreSQL's own sum of a
 * {@code bigint} is a {@code numeric}), of floats to {@code double precision}; {@code avg} is a
 * {@code BigDecimal} ({@code Double} for floats); {@code min}/{@code max} have the column's type.
 * An aggregate that does not fit its property's type fails here, before any SQL.
 */
final class Expressions {
    private static final Set<Class<?>> INTEGERS = Set.of(Short.class, Integer.class, Long.class);
    private static final Set<Class<?>> FLOATS = Set.of(Float.class, Double.class);

    private final FromClause from;

    Expressions(FromClause from) {
        this.from = from;
    }

    ResolvedExpression resolve(Expression expression) {
        if (expression instanceof Expression.Property property) {
            ResolvedColumn column = from.resolve(property.path());
            return new ResolvedExpression(column.sql(), columnValue(property.name(), column), column, false, true);
        }
        Expression.Aggregate aggregate = (Expression.Aggregate) expression;
        if (aggregate.path() == null) {
            return new ResolvedExpression("count(*)", number(aggregate, Long.class), null, true, false);
        }
        ResolvedColumn column = from.resolve(aggregate.path());
        Class<?> type = column.column().type().javaType();
        String function = aggregate.function().name().toLowerCase(Locale.ROOT);
        String call = function + "(" + (aggregate.distinct() ? "DISTINCT " : "") + column.sql() + ")";
        return switch (aggregate.function()) {
            case COUNT -> new ResolvedExpression(call, number(aggregate, Long.class), column, true, false);
            case SUM -> sum(aggregate, column, type, call);
            case AVG -> avg(aggregate, column, type, call);
            case MIN, MAX -> {
                if (!isOrdered(type)) {
                    throw QueryErrors.aggregateNotOrdered(aggregate, column);
                }
                yield new ResolvedExpression(call, columnValue(aggregate.name(), column), column, true, true);
            }
        };
    }

    /** {@code <sql> ASC|DESC [NULLS FIRST|LAST]}. */
    static String orderTerm(String sql, Order order) {
        String nulls = switch (order.nulls()) {
            case DEFAULT -> "";
            case FIRST -> " NULLS FIRST";
            case LAST -> " NULLS LAST";
        };
        return sql + " " + order.direction().name() + nulls;
    }

    private static ResolvedExpression sum(Expression.Aggregate aggregate, ResolvedColumn column, Class<?> type, String call) {
        if (INTEGERS.contains(type)) {
            return new ResolvedExpression(call + "::bigint", number(aggregate, Long.class), column, true, false);
        }
        if (FLOATS.contains(type)) {
            return new ResolvedExpression(call + "::float8", number(aggregate, Double.class), column, true, false);
        }
        if (type == BigDecimal.class) {
            return new ResolvedExpression(call, number(aggregate, BigDecimal.class), column, true, false);
        }
        throw QueryErrors.aggregateNotNumeric(aggregate, column);
    }

    private static ResolvedExpression avg(Expression.Aggregate aggregate, ResolvedColumn column, Class<?> type, String call) {
        if (INTEGERS.contains(type) || type == BigDecimal.class) {
            return new ResolvedExpression(call, number(aggregate, BigDecimal.class), column, true, false);
        }
        if (FLOATS.contains(type)) {
            return new ResolvedExpression(call, number(aggregate, Double.class), column, true, false);
        }
        throw QueryErrors.aggregateNotNumeric(aggregate, column);
    }

    private static ProjectedColumn columnValue(String name, ResolvedColumn column) {
        return new ProjectedColumn(
                name, column.column().type().javaType(), column.column().type().driverType(), column.column());
    }

    private static ProjectedColumn number(Expression.Aggregate aggregate, Class<?> type) {
        return new ProjectedColumn(aggregate.name(), type, type, null);
    }

    /** Whether PostgreSQL's min and max take values of this type: numbers, text, dates and times. */
    private static boolean isOrdered(Class<?> type) {
        return Number.class.isAssignableFrom(type) || type == String.class || Temporal.class.isAssignableFrom(type);
    }
}
