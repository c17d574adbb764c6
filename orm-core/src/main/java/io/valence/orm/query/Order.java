package io.valence.orm.query;

import java.util.Objects;

/**
 * One term of a query's ORDER BY: a property path or an aggregate, a direction and where nulls go.
 * This is SQLAlchemy's {@code Child.id.desc().nulls_last()} or Django's {@code F("id").desc(nulls_last=True)}.
 *
 * <pre>{@code
 * Select.from(Child.class).orderBy(Order.desc("id"), Order.asc("parent.value").nullsFirst());
 * Select.from(Order.class).orderBy(Order.desc(Expression.sum("amount"))).project(…).groupBy("status");
 * }</pre>
 *
 * @param expression what to order by: a property, or an aggregate in a grouped {@link Projection}
 * @param direction ascending or descending
 * @param nulls where null values go
 */
public record Order(Expression expression, Direction direction, Nulls nulls) {

    /** The direction of an {@link Order}. */
    public enum Direction {
        /** Smallest first: SQL {@code ASC}. */
        ASC,
        /** Largest first: SQL {@code DESC}. */
        DESC
    }

    /** Where an {@link Order} puts null values. */
    public enum Nulls {
        /** PostgreSQL's default: last when ascending, first when descending. */
        DEFAULT,
        /** {@code NULLS FIRST}. */
        FIRST,
        /** {@code NULLS LAST}. */
        LAST
    }

    /**
     * Checks that every part is present.
     *
     * @param expression what to order by
     * @param direction ascending or descending
     * @param nulls where nulls go
     */
    public Order {
        Objects.requireNonNull(expression, "expression must not be null");
        Objects.requireNonNull(direction, "direction must not be null");
        Objects.requireNonNull(nulls, "nulls must not be null");
    }

    /**
     * Ascending order by a property path.
     *
     * @param path the property path, such as {@code "id"} or {@code "parent.value"}
     * @return the order term
     */
    public static Order asc(String path) {
        return asc(Expression.property(path));
    }

    /**
     * Descending order by a property path.
     *
     * @param path the property path
     * @return the order term
     */
    public static Order desc(String path) {
        return desc(Expression.property(path));
    }

    /**
     * Ascending order by an expression, such as {@code Expression.count()}.
     *
     * @param expression a property or an aggregate
     * @return the order term
     */
    public static Order asc(Expression expression) {
        return new Order(expression, Direction.ASC, Nulls.DEFAULT);
    }

    /**
     * Descending order by an expression, such as {@code Expression.sum("amount")}.
     *
     * @param expression a property or an aggregate
     * @return the order term
     */
    public static Order desc(Expression expression) {
        return new Order(expression, Direction.DESC, Nulls.DEFAULT);
    }

    /**
     * This order with nulls before every value: {@code NULLS FIRST}.
     *
     * @return the order term; this one is unchanged
     */
    public Order nullsFirst() {
        return new Order(expression, direction, Nulls.FIRST);
    }

    /**
     * This order with nulls after every value: {@code NULLS LAST}.
     *
     * @return the order term; this one is unchanged
     */
    public Order nullsLast() {
        return new Order(expression, direction, Nulls.LAST);
    }
}
