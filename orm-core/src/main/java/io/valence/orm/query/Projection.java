package io.valence.orm.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A query for values rather than entities: chosen properties (paths through to-ones included) and
 * aggregates, grouped or not, read into records, {@link Tuple}s or single values. SQLAlchemy's
 * {@code select(Order.status, func.count())}, Django's {@code values(…).annotate(…)}. Start one from
 * a {@link Select} ({@link Select#project}, {@link Select#tuples}, {@link Select#value}), which
 * gives it the entity, conditions, joins, order, limit, offset and lock; run it with
 * {@code session.rows(projection)}.
 *
 * <pre>{@code
 * record StatusTotal(String status, Long count, BigDecimal sumAmount) {}
 * Projection<StatusTotal> totals = Select.from(Order.class)
 *         .where(Condition.ge("placedAt", monthStart))
 *         .project(StatusTotal.class, Expression.property("status"), Expression.count(), Expression.sum("amount"))
 *         .groupBy("status")
 *         .having(Expression.count().gt(10))
 *         .orderBy(Order.desc(Expression.sum("amount")));
 * }</pre>
 *
 * <p>Rows are plain values: no entity is loaded and the identity map is not involved. Names and
 * types are checked when the query runs, before any SQL: every path must exist, {@code sum} and
 * {@code avg} need a numeric property, and the record (or constructor) must take exactly the
 * selections by name and type.
 *
 * <p>Immutable: every builder method returns a new projection. Equality is structural.
 *
 * @param <R> the type each row becomes
 */
public final class Projection<R> {

    /** How a row becomes an {@code R}. */
    public enum Into {
        /** The constructor of a record or class, its parameters matched to the selections by name and type. */
        CONSTRUCTOR,
        /** A {@link Tuple} of the named values. */
        TUPLE,
        /** The one selected value itself. */
        VALUE
    }

    private final Select<?> source;
    private final Class<R> resultType;
    private final Into into;
    private final List<Expression> selections;
    private final List<String> groupBy;
    private final Condition having;
    private final boolean distinct;

    private Projection(
            Select<?> source,
            Class<R> resultType,
            Into into,
            List<Expression> selections,
            List<String> groupBy,
            Condition having,
            boolean distinct) {
        this.source = source;
        this.resultType = resultType;
        this.into = into;
        this.selections = List.copyOf(selections);
        this.groupBy = List.copyOf(groupBy);
        this.having = having;
        this.distinct = distinct;
    }

    static <R> Projection<R> of(Select<?> source, Class<R> resultType, Into into, List<Expression> selections) {
        if (selections.isEmpty()) {
            throw new IllegalArgumentException("a projection selects at least one property or aggregate");
        }
        Set<String> names = new HashSet<>();
        for (Expression selection : selections) {
            if (!names.add(selection.name())) {
                throw new IllegalArgumentException("two selections are named \"" + selection.name() + "\"; give one"
                        + " another name with Expression.as(…), for example Expression.property(\"customer.id\").as(\"customerId\")");
            }
        }
        return new Projection<>(source, resultType, into, selections, List.of(), null, false);
    }

    /**
     * Groups the rows by properties ({@code GROUP BY}), after those already given; aggregates then
     * run per group.
     *
     * @param paths property paths
     * @return a new projection with the grouping added
     */
    public Projection<R> groupBy(String... paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        List<String> more = new ArrayList<>(groupBy);
        for (String path : paths) {
            more.add(PropertyNames.requirePath(path, "group-by path"));
        }
        return new Projection<>(source, resultType, into, selections, more, having, distinct);
    }

    /**
     * Keeps only the groups for which a condition holds ({@code HAVING}), ANDed with the conditions
     * already there. The condition may compare aggregates ({@code Expression.count().gt(10)}) and
     * grouped properties.
     *
     * @param condition the condition
     * @return a new projection with the condition added
     */
    public Projection<R> having(Condition condition) {
        Objects.requireNonNull(condition, "condition must not be null");
        Condition combined = having == null ? condition : having.and(condition);
        return new Projection<>(source, resultType, into, selections, groupBy, combined, distinct);
    }

    /**
     * Returns each distinct row once ({@code SELECT DISTINCT}).
     *
     * @return a new projection of distinct rows
     */
    public Projection<R> distinct() {
        return new Projection<>(source, resultType, into, selections, groupBy, having, true);
    }

    /**
     * Adds orders, after those already given; an order may name an aggregate, such as
     * {@code Order.desc(Expression.sum("amount")).nullsLast()}.
     *
     * @param orders the order terms
     * @return a new projection with the orders added
     */
    public Projection<R> orderBy(Order... orders) {
        return new Projection<>(source.orderBy(orders), resultType, into, selections, groupBy, having, distinct);
    }

    /**
     * Returns at most {@code limit} rows; replaces an earlier limit.
     *
     * @param limit the number of rows, zero or more
     * @return a new projection with the limit
     */
    public Projection<R> limit(long limit) {
        return new Projection<>(source.limit(limit), resultType, into, selections, groupBy, having, distinct);
    }

    /**
     * Skips the first {@code offset} rows; replaces an earlier offset.
     *
     * @param offset the number of rows to skip, zero or more
     * @return a new projection with the offset
     */
    public Projection<R> offset(long offset) {
        return new Projection<>(source.offset(offset), resultType, into, selections, groupBy, having, distinct);
    }

    /**
     * The query this projection selects from: its entity, conditions, joins, order, limit, offset and lock.
     *
     * @return the source query
     */
    public Select<?> source() {
        return source;
    }

    /**
     * The type each row becomes.
     *
     * @return the result type
     */
    public Class<R> resultType() {
        return resultType;
    }

    /**
     * How a row becomes a {@link #resultType()}.
     *
     * @return the kind of result
     */
    public Into into() {
        return into;
    }

    /**
     * What is selected, in column order.
     *
     * @return an unmodifiable list of at least one expression, their names distinct
     */
    public List<Expression> selections() {
        return selections;
    }

    /**
     * The group-by paths, in the order given.
     *
     * @return an unmodifiable list
     */
    public List<String> groupBy() {
        return groupBy;
    }

    /**
     * The HAVING condition, if any.
     *
     * @return the condition
     */
    public Optional<Condition> having() {
        return Optional.ofNullable(having);
    }

    /**
     * Whether each distinct row is returned once.
     *
     * @return true after {@link #distinct()}
     */
    public boolean isDistinct() {
        return distinct;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Projection<?> projection
                && source.equals(projection.source)
                && resultType == projection.resultType
                && into == projection.into
                && selections.equals(projection.selections)
                && groupBy.equals(projection.groupBy)
                && Objects.equals(having, projection.having)
                && distinct == projection.distinct;
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, resultType, into, selections, groupBy, having, distinct);
    }

    @Override
    public String toString() {
        return "Projection[into=" + resultType.getSimpleName() + " (" + into + "), selections="
                + Arrays.toString(selections.stream().map(Expression::name).toArray()) + ", groupBy=" + groupBy
                + ", having=" + having + ", distinct=" + distinct + ", from=" + source + "]";
    }
}
