package io.valence.orm.query;

import java.util.Objects;

/**
 * One term of a query's ORDER BY: a property path and a direction. This is SQLAlchemy's
 * {@code Child.id.desc()} or Django's {@code order_by("-id")}.
 *
 * <pre>{@code
 * Select.from(Child.class).orderBy(Order.desc("id"), Order.asc("parent.value"));
 * }</pre>
 *
 * @param path the property path, such as {@code "id"} or {@code "parent.value"}
 * @param direction ascending or descending
 */
public record Order(String path, Direction direction) {

    /** The direction of an {@link Order}. */
    public enum Direction {
        /** Smallest first: SQL {@code ASC}. */
        ASC,
        /** Largest first: SQL {@code DESC}. */
        DESC
    }

    /**
     * Checks the path and that the direction is present.
     *
     * @param path the property path
     * @param direction ascending or descending
     */
    public Order {
        PropertyNames.requirePath(path, "order path");
        Objects.requireNonNull(direction, "direction must not be null");
    }

    /**
     * Ascending order by a property path.
     *
     * @param path the property path
     * @return the order term
     */
    public static Order asc(String path) {
        return new Order(path, Direction.ASC);
    }

    /**
     * Descending order by a property path.
     *
     * @param path the property path
     * @return the order term
     */
    public static Order desc(String path) {
        return new Order(path, Direction.DESC);
    }
}
