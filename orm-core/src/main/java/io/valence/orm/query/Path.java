package io.valence.orm.query;

import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.Collection;
import java.util.Objects;

/**
 * A property path built from the JPA static metamodel ({@code Child_}, generated from the entities by
 * hibernate-jpamodelgen), typed by the property's Java type, so that a renamed field or a value of the
 * wrong type breaks the compile rather than the query. It builds the same conditions, orders and
 * expressions as the string paths do:
 *
 * <pre>{@code
 * Select.from(Child.class)
 *       .where(Path.of(Child_.value).startsWith("a")                       // t0."value" LIKE $1
 *               .and(Path.of(Child_.parent).to(Parent_.value).eq("p")))    // t1."value" = $2
 *       .orderBy(Path.of(Child_.id).desc());
 * Select.from(Parent.class).where(Path.of(Parent_.children).exists(Path.of(Child_.value).eq("x")));
 * Select.from(Sale.class).project(Total.class, Path.of(Sale_.status).property(), Path.of(Sale_.amount).sum());
 * }</pre>
 *
 * <p>The metamodel's attribute fields are filled when a {@code SessionFactory} mapping the entity is
 * built, as a JPA provider fills them at start-up; a path built before that fails with a message
 * saying so. The generated string constants ({@code Child_.VALUE}) work with every string API and
 * need no filling. Immutable; equality is structural.
 *
 * @param <V> the Java type of the property at the end of the path (for a collection, its element type)
 */
public final class Path<V> {
    private final String path;

    private Path(String path) {
        this.path = path;
    }

    /**
     * The path of a property of the queried entity: {@code Path.of(Child_.value)}.
     *
     * @param attribute a generated metamodel attribute
     * @param <V> its Java type
     * @return the path
     * @throws IllegalArgumentException if the attribute is null (its metamodel class was not filled yet)
     */
    public static <V> Path<V> of(SingularAttribute<?, V> attribute) {
        return new Path<>(PropertyNames.nameOf(attribute));
    }

    /**
     * The path of a collection relationship of the queried entity, for {@link #exists(Condition)}:
     * {@code Path.of(Parent_.children)}.
     *
     * @param attribute a generated metamodel attribute of a collection
     * @param <E> the collection's element type
     * @return the path
     * @throws IllegalArgumentException if the attribute is null (its metamodel class was not filled yet)
     */
    public static <E> Path<E> of(PluralAttribute<?, ?, E> attribute) {
        return new Path<>(PropertyNames.nameOf(attribute));
    }

    /**
     * This path continued by a property of the entity it reaches: {@code Path.of(Child_.parent).to(Parent_.value)}.
     *
     * @param next an attribute of this path's type
     * @param <W> its Java type
     * @return the longer path, {@code "parent.value"}
     */
    public <W> Path<W> to(SingularAttribute<? super V, W> next) {
        return new Path<>(path + "." + PropertyNames.nameOf(next));
    }

    /**
     * This path continued by a collection of the entity it reaches.
     *
     * @param next a collection attribute of this path's type
     * @param <E> the collection's element type
     * @return the longer path
     */
    public <E> Path<E> to(PluralAttribute<? super V, ?, E> next) {
        return new Path<>(path + "." + PropertyNames.nameOf(next));
    }

    /**
     * The dotted path, as the string APIs take it.
     *
     * @return the path, such as {@code "parent.value"}
     */
    public String path() {
        return path;
    }

    /**
     * {@code path = value}; a null value gives {@link #isNull()}. See {@link Condition#eq(String, Object)}.
     *
     * @param value a value of the property's type, or null
     * @return the condition
     */
    public Condition eq(V value) {
        return Condition.eq(path, value);
    }

    /**
     * {@code path <> value}; a null value gives {@link #isNotNull()}.
     *
     * @param value a value of the property's type, or null
     * @return the condition
     */
    public Condition ne(V value) {
        return Condition.ne(path, value);
    }

    /**
     * {@code path < value}.
     *
     * @param value a non-null value of the property's type
     * @return the condition
     */
    public Condition lt(V value) {
        return Condition.lt(path, value);
    }

    /**
     * {@code path <= value}.
     *
     * @param value a non-null value of the property's type
     * @return the condition
     */
    public Condition le(V value) {
        return Condition.le(path, value);
    }

    /**
     * {@code path > value}.
     *
     * @param value a non-null value of the property's type
     * @return the condition
     */
    public Condition gt(V value) {
        return Condition.gt(path, value);
    }

    /**
     * {@code path >= value}.
     *
     * @param value a non-null value of the property's type
     * @return the condition
     */
    public Condition ge(V value) {
        return Condition.ge(path, value);
    }

    /**
     * {@code path BETWEEN low AND high}, both included.
     *
     * @param low the low bound, not null
     * @param high the high bound, not null
     * @return the condition
     */
    public Condition between(V low, V high) {
        return Condition.between(path, low, high);
    }

    /**
     * {@code path IN (values…)}; an empty collection matches no row.
     *
     * @param values values of the property's type, none of them null
     * @return the condition
     */
    public Condition in(Collection<? extends V> values) {
        return Condition.in(path, values);
    }

    /**
     * {@code path IN (SELECT …)}. See {@link Condition#in(String, Subquery)}.
     *
     * @param subquery the subquery
     * @return the condition
     */
    public Condition in(Subquery subquery) {
        return Condition.in(path, subquery);
    }

    /**
     * {@code NOT (path IN (SELECT …))}. See {@link Condition#notIn(String, Subquery)}.
     *
     * @param subquery the subquery
     * @return the condition
     */
    public Condition notIn(Subquery subquery) {
        return Condition.notIn(path, subquery);
    }

    /**
     * {@code path IS NULL}.
     *
     * @return the condition
     */
    public Condition isNull() {
        return Condition.isNull(path);
    }

    /**
     * {@code path IS NOT NULL}.
     *
     * @return the condition
     */
    public Condition isNotNull() {
        return Condition.isNotNull(path);
    }

    /**
     * {@code path LIKE pattern}, for a text property.
     *
     * @param pattern the pattern, with {@code %} and {@code _} as wildcards
     * @return the condition
     */
    public Condition like(String pattern) {
        return Condition.like(path, pattern);
    }

    /**
     * {@code path ILIKE pattern}, for a text property.
     *
     * @param pattern the pattern
     * @return the condition
     */
    public Condition ilike(String pattern) {
        return Condition.ilike(path, pattern);
    }

    /**
     * True when a text property starts with {@code prefix}, taken literally.
     *
     * @param prefix the text
     * @return the condition
     */
    public Condition startsWith(String prefix) {
        return Condition.startsWith(path, prefix);
    }

    /**
     * True when a text property contains {@code text}, taken literally.
     *
     * @param text the text
     * @return the condition
     */
    public Condition contains(String text) {
        return Condition.contains(path, text);
    }

    /**
     * Compares this property with another of the same type in the same row.
     *
     * @param operator EQ, NE, LT, LE, GT or GE
     * @param other the other property's path
     * @return the condition
     */
    public Condition compare(Condition.Operator operator, Path<? extends V> other) {
        Objects.requireNonNull(other, "other path must not be null");
        return Condition.compare(path, operator, other.path);
    }

    /**
     * True when the row has a related row along this relationship.
     *
     * @return the condition
     */
    public Condition exists() {
        return Condition.exists(path);
    }

    /**
     * True when the row has a related row along this relationship that matches {@code condition}.
     *
     * @param condition a condition on the related entity
     * @return the condition
     */
    public Condition exists(Condition condition) {
        return Condition.exists(path, condition);
    }

    /**
     * True when the row has no related row along this relationship that matches {@code condition}.
     *
     * @param condition a condition on the related entity
     * @return the condition
     */
    public Condition notExists(Condition condition) {
        return Condition.notExists(path, condition);
    }

    /**
     * Ascending order by this property.
     *
     * @return the order term
     */
    public Order asc() {
        return Order.asc(path);
    }

    /**
     * Descending order by this property.
     *
     * @return the order term
     */
    public Order desc() {
        return Order.desc(path);
    }

    /**
     * This property as a selection of a projection, named by its path in camel case.
     *
     * @return the expression
     */
    public Expression.Property property() {
        return Expression.property(path);
    }

    /**
     * {@code count(path)}: the number of non-null values.
     *
     * @return the aggregate
     */
    public Expression.Aggregate count() {
        return Expression.count(path);
    }

    /**
     * {@code sum(path)}, of a numeric property.
     *
     * @return the aggregate
     */
    public Expression.Aggregate sum() {
        return Expression.sum(path);
    }

    /**
     * {@code avg(path)}, of a numeric property.
     *
     * @return the aggregate
     */
    public Expression.Aggregate avg() {
        return Expression.avg(path);
    }

    /**
     * {@code min(path)}.
     *
     * @return the aggregate
     */
    public Expression.Aggregate min() {
        return Expression.min(path);
    }

    /**
     * {@code max(path)}.
     *
     * @return the aggregate
     */
    public Expression.Aggregate max() {
        return Expression.max(path);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Path<?> that && path.equals(that.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return "Path[" + path + "]";
    }
}
