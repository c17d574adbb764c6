package io.valence.orm.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A query for entities of one type: SQLAlchemy 2.0's {@code select(Child)}, Django's
 * {@code Child.objects.filter(…)}. It only describes the query; a session runs it
 * ({@code session.scalars(select)}, {@code one}, {@code oneOrNone}), after flushing pending changes.
 *
 * <pre>{@code
 * Select<Child> query = Select.from(Child.class)
 *         .filterBy("value", "x")                        // value = 'x'
 *         .where(Condition.gt("id", 10))                 // AND id > 10
 *         .join("parent")                                // only children that have a parent
 *         .options(Load.joined("parent"))                // and load it in the same query
 *         .orderBy(Order.desc("id"))
 *         .limit(100);
 * }</pre>
 *
 * <p>Immutable: every builder method returns a new {@code Select} and leaves this one unchanged,
 * so a base query can be kept and refined. Equality is structural. Property names are checked for
 * form here and against the mapping at execution.
 *
 * @param <T> the entity type the query returns
 */
public final class Select<T> {

    private static final long ABSENT = -1;

    private final Class<T> entityType;
    private final Condition where;
    private final List<String> joins;
    private final List<LoadOption> loadOptions;
    private final List<Order> orders;
    private final long limit;
    private final long offset;
    private final boolean populateExisting;

    private Select(
            Class<T> entityType,
            Condition where,
            List<String> joins,
            List<LoadOption> loadOptions,
            List<Order> orders,
            long limit,
            long offset,
            boolean populateExisting) {
        this.entityType = entityType;
        this.where = where;
        this.joins = List.copyOf(joins);
        this.loadOptions = List.copyOf(loadOptions);
        this.orders = List.copyOf(orders);
        this.limit = limit;
        this.offset = offset;
        this.populateExisting = populateExisting;
    }

    /**
     * Starts a query for all entities of {@code type}. Whether the type is mapped is checked when
     * the query runs.
     *
     * @param type the entity class
     * @param <T> the entity type
     * @return a query with no condition, join, option, order or limit
     */
    public static <T> Select<T> from(Class<T> type) {
        Objects.requireNonNull(type, "entity type must not be null");
        return new Select<>(type, null, List.of(), List.of(), List.of(), ABSENT, ABSENT, false);
    }

    /**
     * Adds {@code property = value}, ANDed with the conditions already there: SQLAlchemy's
     * {@code filter_by}, Django's {@code filter(property=value)}. A null value means
     * {@code IS NULL}. Same as {@code where(Condition.eq(property, value))}.
     *
     * @param property a property name or path, such as {@code "value"} or {@code "parent.value"}
     * @param value any value; an entity instance compares a many-to-one by id
     * @return a new query with the condition added
     */
    public Select<T> filterBy(String property, Object value) {
        return where(Condition.eq(property, value));
    }

    /**
     * Adds a condition, ANDed with the conditions already there (SQLAlchemy's {@code where}).
     *
     * @param condition the condition
     * @return a new query with the condition added
     */
    public Select<T> where(Condition condition) {
        Objects.requireNonNull(condition, "condition must not be null");
        Condition combined = where == null ? condition : where.and(condition);
        return new Select<>(entityType, combined, joins, loadOptions, orders, limit, offset, populateExisting);
    }

    /**
     * Adds an inner join along a relationship path, so that only rows that have the related entity
     * are returned, and conditions and orders can name its properties: SQLAlchemy's
     * {@code join(Child.parent)}. Paths chain many-to-ones: {@code join("parent.owner")} joins the
     * parent and its owner. Joining a path twice joins it once. The joined entities are not
     * loaded; use {@link #options(LoadOption...)} for that.
     *
     * @param relationshipPath a relationship name or dotted path, such as {@code "parent"}
     * @return a new query with the join added
     */
    public Select<T> join(String relationshipPath) {
        PropertyNames.requirePath(relationshipPath, "join path");
        if (joins.contains(relationshipPath)) {
            return this;
        }
        List<String> moreJoins = new ArrayList<>(joins);
        moreJoins.add(relationshipPath);
        return new Select<>(entityType, where, moreJoins, loadOptions, orders, limit, offset, populateExisting);
    }

    /**
     * Adds options saying which relationships to load with the results and how, after those
     * already given (SQLAlchemy's {@code options}).
     *
     * @param options options made by {@link Load}
     * @return a new query with the options added
     */
    public Select<T> options(LoadOption... options) {
        List<LoadOption> moreOptions = new ArrayList<>(loadOptions);
        moreOptions.addAll(requireElements(options, "load options"));
        return new Select<>(entityType, where, joins, moreOptions, orders, limit, offset, populateExisting);
    }

    /**
     * Adds ascending orders by the given property paths, after those already given:
     * {@code orderBy("parent.value", "id")}.
     *
     * @param properties property names or paths
     * @return a new query with the orders added
     */
    public Select<T> orderBy(String... properties) {
        Objects.requireNonNull(properties, "properties must not be null");
        return orderBy(Arrays.stream(properties).map(Order::asc).toArray(Order[]::new));
    }

    /**
     * Adds orders, after those already given: {@code orderBy(Order.desc("id"))}.
     *
     * @param orders the order terms
     * @return a new query with the orders added
     */
    public Select<T> orderBy(Order... orders) {
        List<Order> moreOrders = new ArrayList<>(this.orders);
        moreOrders.addAll(requireElements(orders, "orders"));
        return new Select<>(entityType, where, joins, loadOptions, moreOrders, limit, offset, populateExisting);
    }

    /**
     * Returns at most {@code limit} rows (SQL {@code LIMIT}); replaces an earlier limit.
     *
     * @param limit the number of rows, zero or more
     * @return a new query with the limit
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public Select<T> limit(long limit) {
        requireNotNegative(limit, "limit");
        return new Select<>(entityType, where, joins, loadOptions, orders, limit, offset, populateExisting);
    }

    /**
     * Skips the first {@code offset} rows (SQL {@code OFFSET}); replaces an earlier offset.
     *
     * @param offset the number of rows to skip, zero or more
     * @return a new query with the offset
     * @throws IllegalArgumentException if {@code offset} is negative
     */
    public Select<T> offset(long offset) {
        requireNotNegative(offset, "offset");
        return new Select<>(entityType, where, joins, loadOptions, orders, limit, offset, populateExisting);
    }

    /**
     * Lets the rows this query reads overwrite the state of instances already loaded in the
     * session (SQLAlchemy's {@code execution_options(populate_existing=True)}). Without it, a row
     * whose instance is already in the identity map returns that instance unchanged.
     *
     * @return a new query that populates existing instances
     */
    public Select<T> populateExisting() {
        return new Select<>(entityType, where, joins, loadOptions, orders, limit, offset, true);
    }

    /**
     * The entity class the query returns.
     *
     * @return the entity class
     */
    public Class<T> entityType() {
        return entityType;
    }

    /**
     * All conditions ANDed together, or empty for a query without condition.
     *
     * @return the combined condition
     */
    public Optional<Condition> where() {
        return Optional.ofNullable(where);
    }

    /**
     * The relationship paths to inner-join, in the order given, without repeats.
     *
     * @return an unmodifiable list
     */
    public List<String> joins() {
        return joins;
    }

    /**
     * The load options, in the order given.
     *
     * @return an unmodifiable list
     */
    public List<LoadOption> loadOptions() {
        return loadOptions;
    }

    /**
     * The order terms, most significant first.
     *
     * @return an unmodifiable list
     */
    public List<Order> orders() {
        return orders;
    }

    /**
     * The maximum number of rows, if one was given.
     *
     * @return the limit
     */
    public OptionalLong limit() {
        return limit == ABSENT ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /**
     * The number of rows to skip, if one was given.
     *
     * @return the offset
     */
    public OptionalLong offset() {
        return offset == ABSENT ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /**
     * Whether rows overwrite instances already loaded in the session.
     *
     * @return true after {@link #populateExisting()}
     */
    public boolean isPopulateExisting() {
        return populateExisting;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Select<?> select
                && entityType == select.entityType
                && Objects.equals(where, select.where)
                && joins.equals(select.joins)
                && loadOptions.equals(select.loadOptions)
                && orders.equals(select.orders)
                && limit == select.limit
                && offset == select.offset
                && populateExisting == select.populateExisting;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entityType, where, joins, loadOptions, orders, limit, offset, populateExisting);
    }

    @Override
    public String toString() {
        // Conditions print without their values: they may be secrets.
        return "Select[entityType=" + entityType.getSimpleName() + ", where=" + where + ", joins=" + joins
                + ", loadOptions=" + loadOptions + ", orders=" + orders + ", limit=" + limit() + ", offset="
                + offset() + ", populateExisting=" + populateExisting + "]";
    }

    private static <E> List<E> requireElements(E[] elements, String role) {
        Objects.requireNonNull(elements, role + " must not be null");
        for (E element : elements) {
            Objects.requireNonNull(element, role + " must not contain null");
        }
        return Arrays.asList(elements);
    }

    private static void requireNotNegative(long value, String role) {
        if (value < 0) {
            throw new IllegalArgumentException(role + " must not be negative, was " + value);
        }
    }
}
