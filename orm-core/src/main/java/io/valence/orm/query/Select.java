package io.valence.orm.query;

import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

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
 * <p>A {@code Select} also starts a query for values: {@link #project}, {@link #tuples} and
 * {@link #value} select chosen properties and aggregates ({@link Projection}); and it can lock the
 * rows it reads ({@link #forUpdate()}, {@link #forShare()}).
 *
 * <p>Immutable: every builder method returns a new {@code Select} and leaves this one unchanged,
 * so a base query can be kept and refined. Equality is structural. Property names are checked for
 * form here and against the mapping at execution.
 *
 * @param <T> the entity type the query returns
 */
public final class Select<T> {

    private static final long ABSENT = -1;

    private final Parts<T> parts;

    /** The parts of a query; copied and changed by a builder call, never changed once in a Select. */
    private static final class Parts<T> {
        private final Class<T> entityType;
        private Condition where;
        private List<String> joins = List.of();
        private List<LoadOption> loadOptions = List.of();
        private List<Order> orders = List.of();
        private long limit = ABSENT;
        private long offset = ABSENT;
        private boolean populateExisting;
        private Lock lock;

        private Parts(Class<T> entityType) {
            this.entityType = entityType;
        }

        private Parts<T> copy() {
            Parts<T> copy = new Parts<>(entityType);
            copy.where = where;
            copy.joins = joins;
            copy.loadOptions = loadOptions;
            copy.orders = orders;
            copy.limit = limit;
            copy.offset = offset;
            copy.populateExisting = populateExisting;
            copy.lock = lock;
            return copy;
        }
    }

    private Select(Parts<T> parts) {
        this.parts = parts;
    }

    private Select<T> with(Consumer<Parts<T>> change) {
        Parts<T> next = parts.copy();
        change.accept(next);
        return new Select<>(next);
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
        return new Select<>(new Parts<>(type));
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
     * Adds {@code attribute = value}, naming the property through the JPA static metamodel
     * ({@code filterBy(Child_.value, "x")}): the attribute must belong to this query's entity and the
     * value be of its type, or the call does not compile. See {@link Path} for the set-up.
     *
     * @param attribute a generated metamodel attribute of {@code T}
     * @param value a value of the attribute's type; null means {@code IS NULL}
     * @param <V> the attribute's type
     * @return a new query with the condition added
     */
    public <V> Select<T> filterBy(SingularAttribute<? super T, V> attribute, V value) {
        return where(Condition.eq(PropertyNames.nameOf(attribute), value));
    }

    /**
     * Adds a condition, ANDed with the conditions already there (SQLAlchemy's {@code where}).
     *
     * @param condition the condition
     * @return a new query with the condition added
     */
    public Select<T> where(Condition condition) {
        Objects.requireNonNull(condition, "condition must not be null");
        return with(next -> next.where = next.where == null ? condition : next.where.and(condition));
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
        if (parts.joins.contains(relationshipPath)) {
            return this;
        }
        return with(next -> next.joins = append(next.joins, List.of(relationshipPath)));
    }

    /**
     * Adds options saying which relationships to load with the results and how, after those
     * already given (SQLAlchemy's {@code options}).
     *
     * @param options options made by {@link Load}
     * @return a new query with the options added
     */
    public Select<T> options(LoadOption... options) {
        List<LoadOption> more = requireElements(options, "load options");
        return with(next -> next.loadOptions = append(next.loadOptions, more));
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
        List<Order> more = requireElements(orders, "orders");
        return with(next -> next.orders = append(next.orders, more));
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
        return with(next -> next.limit = limit);
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
        return with(next -> next.offset = offset);
    }

    /**
     * Lets the rows this query reads overwrite the state of instances already loaded in the
     * session (SQLAlchemy's {@code execution_options(populate_existing=True)}). Without it, a row
     * whose instance is already in the identity map returns that instance unchanged.
     *
     * @return a new query that populates existing instances
     */
    public Select<T> populateExisting() {
        return with(next -> next.populateExisting = true);
    }

    /**
     * Locks the rows read, {@code FOR UPDATE}, until the session's transaction ends: no other
     * transaction can lock, change or delete them meanwhile (SQLAlchemy's {@code with_for_update()},
     * Django's {@code select_for_update()}). Only the queried entity's rows are locked unless
     * {@link #of(String...)} names joined ones too. Replaces an earlier lock.
     *
     * @return a new query that locks its rows
     */
    public Select<T> forUpdate() {
        return with(next -> next.lock = new Lock(Lock.Strength.UPDATE, Lock.Wait.WAIT, List.of()));
    }

    /**
     * Locks the rows read, {@code FOR SHARE}, until the session's transaction ends: others may read
     * and share-lock them, but not change or delete them. Replaces an earlier lock.
     *
     * @return a new query that share-locks its rows
     */
    public Select<T> forShare() {
        return with(next -> next.lock = new Lock(Lock.Strength.SHARE, Lock.Wait.WAIT, List.of()));
    }

    /**
     * Makes the lock fail at once, {@code NOWAIT}, when another transaction holds a row.
     *
     * @return a new query with the lock refined
     * @throws IllegalStateException if neither {@link #forUpdate()} nor {@link #forShare()} was called
     */
    public Select<T> noWait() {
        return withLock(lock -> new Lock(lock.strength(), Lock.Wait.NOWAIT, lock.of()), "noWait()");
    }

    /**
     * Makes the lock leave out, {@code SKIP LOCKED}, the rows another transaction holds: the way
     * several workers claim jobs from one queue table without waiting for each other.
     *
     * @return a new query with the lock refined
     * @throws IllegalStateException if neither {@link #forUpdate()} nor {@link #forShare()} was called
     */
    public Select<T> skipLocked() {
        return withLock(lock -> new Lock(lock.strength(), Lock.Wait.SKIP_LOCKED, lock.of()), "skipLocked()");
    }

    /**
     * Locks the rows of the named joined relationships too ({@code FOR UPDATE OF t0, t1}); the
     * queried entity's rows are always locked. A path must be joined by the query
     * ({@link #join(String)}); a load join ({@code Load.joined}) is an outer join, whose rows
     * PostgreSQL cannot lock.
     *
     * @param relationshipPaths relationship paths joined by this query, such as {@code "parent"}
     * @return a new query with the lock refined
     * @throws IllegalStateException if neither {@link #forUpdate()} nor {@link #forShare()} was called
     */
    public Select<T> of(String... relationshipPaths) {
        List<String> paths = requireElements(relationshipPaths, "relationship paths");
        return withLock(lock -> new Lock(lock.strength(), lock.whenLocked(), paths), "of(…)");
    }

    /**
     * Selects chosen properties and aggregates into instances of {@code type}: a record whose
     * components match the selections by name and type, or a class with such a constructor. No
     * entity is loaded and the identity map is not involved. Run it with {@code session.rows(…)}.
     *
     * <pre>{@code
     * record OrderLine(Long id, String customerName) {}
     * Select.from(Order.class).where(…).project(OrderLine.class, "id", "customer.name");
     * }</pre>
     *
     * @param type the record or class each row becomes
     * @param paths property paths; each is named in camel case ({@code "customer.name"} is {@code customerName})
     * @param <R> the row type
     * @return the projection
     */
    public <R> Projection<R> project(Class<R> type, String... paths) {
        return project(type, properties(paths));
    }

    /**
     * Selects expressions (properties and aggregates) into instances of {@code type}, as
     * {@link #project(Class, String...)}.
     *
     * @param type the record or class each row becomes
     * @param selections properties and aggregates, matched to the components by {@link Expression#name()}
     * @param <R> the row type
     * @return the projection
     */
    public <R> Projection<R> project(Class<R> type, Expression... selections) {
        Objects.requireNonNull(type, "type must not be null");
        return Projection.of(this, type, Projection.Into.CONSTRUCTOR, requireElements(selections, "selections"));
    }

    /**
     * Selects chosen properties into {@link Tuple}s, their values named by path in camel case.
     *
     * @param paths property paths
     * @return the projection
     */
    public Projection<Tuple> tuples(String... paths) {
        return tuples(properties(paths));
    }

    /**
     * Selects expressions into {@link Tuple}s, their values named by {@link Expression#name()}.
     *
     * @param selections properties and aggregates
     * @return the projection
     */
    public Projection<Tuple> tuples(Expression... selections) {
        return Projection.of(this, Tuple.class, Projection.Into.TUPLE, requireElements(selections, "selections"));
    }

    /**
     * Selects one property, each row becoming its value: {@code value(String.class, "customer.name")}.
     *
     * @param type the property's type (or a supertype)
     * @param path the property path
     * @param <V> the value type
     * @return the projection
     */
    public <V> Projection<V> value(Class<V> type, String path) {
        return value(type, Expression.property(path));
    }

    /**
     * Selects one expression, each row becoming its value: {@code value(Long.class, Expression.count())}.
     *
     * @param type the expression's type (or a supertype)
     * @param selection a property or an aggregate
     * @param <V> the value type
     * @return the projection
     */
    public <V> Projection<V> value(Class<V> type, Expression selection) {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(selection, "selection must not be null");
        return Projection.of(this, type, Projection.Into.VALUE, List.of(selection));
    }

    /**
     * The entity class the query returns.
     *
     * @return the entity class
     */
    public Class<T> entityType() {
        return parts.entityType;
    }

    /**
     * All conditions ANDed together, or empty for a query without condition.
     *
     * @return the combined condition
     */
    public Optional<Condition> where() {
        return Optional.ofNullable(parts.where);
    }

    /**
     * The relationship paths to inner-join, in the order given, without repeats.
     *
     * @return an unmodifiable list
     */
    public List<String> joins() {
        return parts.joins;
    }

    /**
     * The load options, in the order given.
     *
     * @return an unmodifiable list
     */
    public List<LoadOption> loadOptions() {
        return parts.loadOptions;
    }

    /**
     * The order terms, most significant first.
     *
     * @return an unmodifiable list
     */
    public List<Order> orders() {
        return parts.orders;
    }

    /**
     * The maximum number of rows, if one was given.
     *
     * @return the limit
     */
    public OptionalLong limit() {
        return parts.limit == ABSENT ? OptionalLong.empty() : OptionalLong.of(parts.limit);
    }

    /**
     * The number of rows to skip, if one was given.
     *
     * @return the offset
     */
    public OptionalLong offset() {
        return parts.offset == ABSENT ? OptionalLong.empty() : OptionalLong.of(parts.offset);
    }

    /**
     * Whether rows overwrite instances already loaded in the session.
     *
     * @return true after {@link #populateExisting()}
     */
    public boolean isPopulateExisting() {
        return parts.populateExisting;
    }

    /**
     * The row lock the query takes, if it is a locking read.
     *
     * @return the lock
     */
    public Optional<Lock> lock() {
        return Optional.ofNullable(parts.lock);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Select<?> select)) {
            return false;
        }
        Parts<?> them = select.parts;
        return parts.entityType == them.entityType
                && Objects.equals(parts.where, them.where)
                && parts.joins.equals(them.joins)
                && parts.loadOptions.equals(them.loadOptions)
                && parts.orders.equals(them.orders)
                && parts.limit == them.limit
                && parts.offset == them.offset
                && parts.populateExisting == them.populateExisting
                && Objects.equals(parts.lock, them.lock);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parts.entityType, parts.where, parts.joins, parts.loadOptions, parts.orders, parts.limit,
                parts.offset, parts.populateExisting, parts.lock);
    }

    @Override
    public String toString() {
        // Conditions print without their values: they may be secrets.
        return "Select[entityType=" + parts.entityType.getSimpleName() + ", where=" + parts.where + ", joins="
                + parts.joins + ", loadOptions=" + parts.loadOptions + ", orders=" + parts.orders + ", limit=" + limit()
                + ", offset=" + offset() + ", populateExisting=" + parts.populateExisting + ", lock=" + parts.lock + "]";
    }

    private Select<T> withLock(UnaryOperator<Lock> refine, String call) {
        if (parts.lock == null) {
            throw new IllegalStateException(call + " refines a lock, but this query takes none; call forUpdate() or"
                    + " forShare() first, for example Select.from(Job.class).forUpdate().skipLocked()");
        }
        return with(next -> next.lock = refine.apply(next.lock));
    }

    private static Expression[] properties(String[] paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        return Arrays.stream(paths).map(Expression::property).toArray(Expression[]::new);
    }

    private static <E> List<E> append(List<E> list, List<E> more) {
        List<E> longer = new ArrayList<>(list);
        longer.addAll(more);
        return List.copyOf(longer);
    }

    private static <E> List<E> requireElements(E[] elements, String role) {
        Objects.requireNonNull(elements, role + " must not be null");
        for (E element : elements) {
            Objects.requireNonNull(element, role + " must not contain null");
        }
        return List.of(elements);
    }

    private static void requireNotNegative(long value, String role) {
        if (value < 0) {
            throw new IllegalArgumentException(role + " must not be negative, was " + value);
        }
    }
}
