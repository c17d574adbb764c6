package io.valence.orm.query;

import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link Projection} selects, groups or orders by: a property (a path, through to-ones too)
 * or an aggregate over one. SQLAlchemy's {@code Order.amount} and {@code func.sum(Order.amount)};
 * Django's {@code F("amount")} and {@code Sum("amount")}.
 *
 * <pre>{@code
 * Select.from(Order.class)
 *       .project(StatusTotal.class, Expression.property("status"), Expression.count(), Expression.sum("amount"))
 *       .groupBy("status")
 *       .having(Expression.sum("amount").gt(1_000));
 * }</pre>
 *
 * <p>Each expression has a name: the one its row value goes by, matched against the components of
 * the record a projection fills and the names of a {@link Tuple}. A property is named by its path
 * in camel case ({@code "customer.name"} is {@code customerName}), an aggregate by its function and
 * path ({@code sum("amount")} is {@code sumAmount}, {@code count()} is {@code count});
 * {@link #as(String)} names it otherwise. Whether a property exists, and whether an aggregate fits
 * its type ({@code sum} and {@code avg} need a number), is checked when the query runs, before any SQL.
 */
public sealed interface Expression permits Expression.Property, Expression.Aggregate {

    /**
     * The name of the expression's value in a result row.
     *
     * @return a Java identifier
     */
    String name();

    /**
     * This expression under another name (SQL's {@code AS}), to match a record component.
     *
     * @param name a Java identifier
     * @return the renamed expression; this one is unchanged
     */
    Expression as(String name);

    /** The aggregate functions. */
    enum Function {
        /** {@code count(*)}, {@code count(path)} (non-null values) or {@code count(DISTINCT path)}: a {@code Long}. */
        COUNT,
        /** The sum of a numeric property: {@code Long} for integers, else the property's type ({@code Double} for floats). */
        SUM,
        /** The average of a numeric property: {@code BigDecimal}, or {@code Double} for floats. */
        AVG,
        /** The smallest value, of the property's type. */
        MIN,
        /** The largest value, of the property's type. */
        MAX
    }

    /**
     * A property of the queried entity, or a path through to-one relationships.
     *
     * @param path the property path, such as {@code "status"} or {@code "customer.name"}
     * @param name the value's name in a result row
     */
    record Property(String path, String name) implements Expression {
        /**
         * Checks the path and the name.
         *
         * @param path the property path
         * @param name the value's name
         */
        public Property {
            PropertyNames.requirePath(path, "property path");
            PropertyNames.requireName(name, "expression name");
        }

        @Override
        public Property as(String name) {
            return new Property(path, name);
        }
    }

    /**
     * An aggregate function over the rows of a group (or of the whole query without
     * {@code groupBy}).
     *
     * @param function the function
     * @param path the property it aggregates, or null for {@code count(*)}
     * @param distinct whether only distinct values count ({@code count(DISTINCT path)})
     * @param name the value's name in a result row
     */
    record Aggregate(Function function, String path, boolean distinct, String name) implements Expression {
        /**
         * Checks that function and name are present, and that only {@code count} goes without a path.
         *
         * @param function the function
         * @param path the property path, or null for {@code count(*)}
         * @param distinct whether only distinct values count
         * @param name the value's name
         */
        public Aggregate {
            Objects.requireNonNull(function, "function must not be null");
            if (path == null) {
                if (function != Function.COUNT || distinct) {
                    throw new IllegalArgumentException(function + " needs a property path; only count() counts rows");
                }
            } else {
                PropertyNames.requirePath(path, "property path");
            }
            PropertyNames.requireName(name, "expression name");
        }

        @Override
        public Aggregate as(String name) {
            return new Aggregate(function, path, distinct, name);
        }

        /**
         * {@code aggregate = value}, for {@link Projection#having(Condition)}.
         *
         * @param value a non-null value
         * @return the condition
         */
        public Condition eq(Object value) {
            return new Condition.AggregateComparison(this, Condition.Operator.EQ, value);
        }

        /**
         * {@code aggregate <> value}, for {@link Projection#having(Condition)}.
         *
         * @param value a non-null value
         * @return the condition
         */
        public Condition ne(Object value) {
            return new Condition.AggregateComparison(this, Condition.Operator.NE, value);
        }

        /**
         * {@code aggregate < value}, for {@link Projection#having(Condition)}.
         *
         * @param value a non-null value
         * @return the condition
         */
        public Condition lt(Object value) {
            return new Condition.AggregateComparison(this, Condition.Operator.LT, value);
        }

        /**
         * {@code aggregate <= value}, for {@link Projection#having(Condition)}.
         *
         * @param value a non-null value
         * @return the condition
         */
        public Condition le(Object value) {
            return new Condition.AggregateComparison(this, Condition.Operator.LE, value);
        }

        /**
         * {@code aggregate > value}, for {@link Projection#having(Condition)}.
         *
         * @param value a non-null value
         * @return the condition
         */
        public Condition gt(Object value) {
            return new Condition.AggregateComparison(this, Condition.Operator.GT, value);
        }

        /**
         * {@code aggregate >= value}, for {@link Projection#having(Condition)}.
         *
         * @param value a non-null value
         * @return the condition
         */
        public Condition ge(Object value) {
            return new Condition.AggregateComparison(this, Condition.Operator.GE, value);
        }
    }

    /**
     * A property, named by its path in camel case.
     *
     * @param path a property name or a path through to-ones, such as {@code "customer.name"}
     * @return the expression
     */
    static Property property(String path) {
        return new Property(path, PropertyNames.camelCase(PropertyNames.requirePath(path, "property path")));
    }

    /**
     * {@code count(*)}: the number of rows, named {@code count}.
     *
     * @return the aggregate
     */
    static Aggregate count() {
        return new Aggregate(Function.COUNT, null, false, "count");
    }

    /**
     * {@code count(path)}: the number of rows whose property is not null, named {@code countPath}.
     *
     * @param path the property path
     * @return the aggregate
     */
    static Aggregate count(String path) {
        return aggregate(Function.COUNT, path, false);
    }

    /**
     * {@code count(DISTINCT path)}: the number of distinct non-null values, named {@code countDistinctPath}.
     *
     * @param path the property path
     * @return the aggregate
     */
    static Aggregate countDistinct(String path) {
        return aggregate(Function.COUNT, path, true);
    }

    /**
     * {@code sum(path)}, named {@code sumPath}; null for a group without non-null values.
     *
     * @param path the path of a numeric property
     * @return the aggregate
     */
    static Aggregate sum(String path) {
        return aggregate(Function.SUM, path, false);
    }

    /**
     * {@code avg(path)}, named {@code avgPath}.
     *
     * @param path the path of a numeric property
     * @return the aggregate
     */
    static Aggregate avg(String path) {
        return aggregate(Function.AVG, path, false);
    }

    /**
     * {@code min(path)}, named {@code minPath}.
     *
     * @param path the path of a property whose values are ordered (numbers, text, dates and times)
     * @return the aggregate
     */
    static Aggregate min(String path) {
        return aggregate(Function.MIN, path, false);
    }

    /**
     * {@code max(path)}, named {@code maxPath}.
     *
     * @param path the path of a property whose values are ordered (numbers, text, dates and times)
     * @return the aggregate
     */
    static Aggregate max(String path) {
        return aggregate(Function.MAX, path, false);
    }

    private static Aggregate aggregate(Function function, String path, boolean distinct) {
        String prefix = function.name().toLowerCase(Locale.ROOT) + (distinct ? "Distinct" : "");
        String camel = PropertyNames.camelCase(PropertyNames.requirePath(path, "property path"));
        return new Aggregate(function, path, distinct, prefix + Character.toUpperCase(camel.charAt(0)) + camel.substring(1));
    }
}
