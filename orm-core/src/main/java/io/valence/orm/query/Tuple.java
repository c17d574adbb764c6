package io.valence.orm.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One row of a projection read as {@link Select#tuples(Expression...)} or of a native query read as
 * tuples: its values by position or by name (SQLAlchemy's {@code Row}, JPA's {@code Tuple}).
 *
 * <pre>{@code
 * session.rows(Select.from(Order.class).tuples(Expression.property("status"), Expression.count()).groupBy("status"))
 *        .map(row -> row.get("status", String.class) + ": " + row.get("count", Long.class));
 * }</pre>
 *
 * <p>Immutable; equality is by names and values. Values may be null.
 */
public final class Tuple {
    private final List<String> names;
    private final List<Object> values;

    private Tuple(List<String> names, List<Object> values) {
        this.names = names;
        this.values = values;
    }

    /**
     * A row of named values.
     *
     * @param names the names, one per value
     * @param values the values, null allowed; copied
     * @return the tuple
     * @throws IllegalArgumentException if the numbers of names and values differ
     */
    public static Tuple of(List<String> names, Object[] values) {
        Objects.requireNonNull(names, "names must not be null");
        Objects.requireNonNull(values, "values must not be null");
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
        }
        return new Tuple(List.copyOf(names), Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values))));
    }

    /**
     * The value at a position.
     *
     * @param index from 0
     * @return the value, or null
     * @throws IndexOutOfBoundsException if there is no such position
     */
    public Object get(int index) {
        return values.get(index);
    }

    /**
     * The value at a position, as a type.
     *
     * @param index from 0
     * @param type the value's type (or a supertype)
     * @param <T> that type
     * @return the value, or null
     * @throws ClassCastException if the value has another type
     */
    public <T> T get(int index, Class<T> type) {
        return type.cast(get(index));
    }

    /**
     * The value of a name.
     *
     * @param name an expression's name, such as {@code "status"} or {@code "sumAmount"}, or a column label of a native query
     * @return the value, or null
     * @throws IllegalArgumentException if no value has that name (the message lists the names)
     */
    public Object get(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("this row has no value named \"" + name + "\"; its names are " + names);
        }
        return values.get(index);
    }

    /**
     * The value of a name, as a type.
     *
     * @param name the value's name
     * @param type the value's type (or a supertype)
     * @param <T> that type
     * @return the value, or null
     * @throws ClassCastException if the value has another type
     */
    public <T> T get(String name, Class<T> type) {
        return type.cast(get(name));
    }

    /**
     * The names, in position order.
     *
     * @return an unmodifiable list
     */
    public List<String> names() {
        return names;
    }

    /**
     * The values, in position order.
     *
     * @return an unmodifiable list, null elements allowed
     */
    public List<Object> values() {
        return values;
    }

    /**
     * The number of values.
     *
     * @return the size
     */
    public int size() {
        return values.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tuple tuple && names.equals(tuple.names) && values.equals(tuple.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Tuple[");
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(values.get(i));
        }
        return text.append(']').toString();
    }
}
