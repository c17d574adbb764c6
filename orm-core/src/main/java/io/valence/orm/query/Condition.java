package io.valence.orm.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A boolean condition on the properties of an entity, used in {@link Select#where(Condition)},
 * {@link Update#where(Condition)} and {@link Delete#where(Condition)}: the WHERE clause, described
 * by property paths and values rather than by SQL.
 *
 * <p>This is SQLAlchemy's {@code Child.value == "x"} expression or Django's {@code Q} object.
 * Conditions are built with the static factories and combined with {@link #and(Condition)},
 * {@link #or(Condition)} and {@link #negate()}:
 *
 * <pre>{@code
 * Condition recent = Condition.gt("id", 100).and(Condition.like("value", "a%"));
 * Condition orphanOrRecent = Condition.isNull("parent").or(recent);
 * Condition notTheseKeys = Condition.in("key", List.of("a", "b")).negate();
 * Condition byParent = Condition.eq("parent.value", "p"); // through the many-to-one "parent"
 * Condition ofParent = Condition.eq("parent", parentInstance); // compared by the parent's id
 * }</pre>
 *
 * <p>A path is a property name of the queried entity ({@code "value"}) or a dotted path through
 * many-to-one relationships ({@code "parent.value"}); whether it exists is checked at execution.
 * Values may be any Java value, an entity instance included; their type is not checked here.
 * Equality is structural (values compare with {@code equals}, so arrays compare by identity).
 *
 * <p>The factories normalize: {@code eq(path, null)} is {@link IsNull}, nested {@code and}s and
 * {@code or}s are flattened, and a double negation cancels out. {@code toString()} leaves values
 * out (they may be secrets): {@code Comparison[path=value, operator=EQ, value=?]}.
 */
public sealed interface Condition
        permits Condition.Comparison,
                Condition.AggregateComparison,
                Condition.PropertyComparison,
                Condition.Between,
                Condition.ArrayCondition,
                Condition.JsonComparison,
                Condition.Exists,
                Condition.In,
                Condition.InSubquery,
                Condition.IsNull,
                Condition.IsNotNull,
                Condition.And,
                Condition.Or,
                Condition.Not {

    /** The operator of a {@link Comparison}. */
    enum Operator {
        /** Equal: {@code path = value}. */
        EQ,
        /** Not equal: {@code path <> value}. */
        NE,
        /** Less than: {@code path < value}. */
        LT,
        /** Less than or equal: {@code path <= value}. */
        LE,
        /** Greater than: {@code path > value}. */
        GT,
        /** Greater than or equal: {@code path >= value}. */
        GE,
        /** Pattern match: {@code path LIKE pattern}, with {@code %} and {@code _} as wildcards. */
        LIKE,
        /** Case-insensitive pattern match: {@code path ILIKE pattern}. */
        ILIKE
    }

    /** How an {@link ArrayCondition} tests a PostgreSQL array column. */
    enum ArrayOperator {
        /** The column holds every given element: {@code path @> $1::type[]}. */
        CONTAINS,
        /** The column holds at least one of the given elements: {@code path && $1::type[]}. */
        OVERLAPS,
        /** One element of the column equals the value: {@code $1::type = ANY(path)}. */
        ANY
    }

    /**
     * Tests an array column ({@code String[]}, {@code List<String>}, {@code long[]}, {@code List<UUID>}…)
     * against elements. Made by {@link #arrayContains}, {@link #arrayOverlaps} and {@link #arrayAny}.
     *
     * @param path the property path of an array column
     * @param operator how to test
     * @param value a {@code Collection} or array of elements (CONTAINS, OVERLAPS) or one element (ANY)
     */
    record ArrayCondition(String path, ArrayOperator operator, Object value) implements Condition {
        /**
         * Checks the path and that operator and value are present.
         *
         * @param path the property path
         * @param operator how to test
         * @param value the elements, or the element
         */
        public ArrayCondition {
            PropertyNames.requirePath(path, "property path");
            Objects.requireNonNull(operator, "operator must not be null");
            Objects.requireNonNull(value, "the elements to test '" + path + "' against must not be null");
        }

        /** Leaves the value out, which may be a secret. */
        @Override
        public String toString() {
            return "ArrayCondition[path=" + path + ", operator=" + operator + ", value=?]";
        }
    }

    /**
     * Compares the text at a path inside a JSON column with a value's text:
     * {@code (path #>> $1::text[]) = $2}, where {@code $1} holds the keys and {@code $2} the value's
     * {@code toString()} ({@code "dark"}, {@code "42"}, {@code "true"}). Made by {@link #jsonEq}.
     *
     * @param path the property path of a JSON column
     * @param keys the keys (or array indexes as text) leading to the value inside the document
     * @param value the value to compare the text with
     */
    record JsonComparison(String path, List<String> keys, Object value) implements Condition {
        /**
         * Checks the path, the keys and that the value is present.
         *
         * @param path the property path
         * @param keys the keys inside the document
         * @param value the value
         */
        public JsonComparison {
            PropertyNames.requirePath(path, "property path");
            keys = List.copyOf(keys);
            if (keys.isEmpty() || keys.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("the JSON path inside '" + path + "' must name at least one key,"
                        + " none empty, such as \"theme\" or \"address.city\"");
            }
            Objects.requireNonNull(value, "cannot compare a JSON path of '" + path + "' with null; use"
                    + " Condition.isNull on the column, or compare with a value");
        }

        /** Leaves the value out, which may be a secret. */
        @Override
        public String toString() {
            return "JsonComparison[path=" + path + ", keys=" + keys + ", value=?]";
        }
    }

    /**
     * Compares a property with a non-null value. Nulls are described by {@link IsNull} and
     * {@link IsNotNull} instead, since {@code = NULL} is never true in SQL.
     *
     * @param path the property path, such as {@code "value"} or {@code "parent.value"}
     * @param operator how to compare
     * @param value the value to compare with: any Java value (an entity instance compares a
     *     many-to-one by id)
     */
    record Comparison(String path, Operator operator, Object value) implements Condition {
        /**
         * Checks the path and that operator and value are present.
         *
         * @param path the property path
         * @param operator how to compare
         * @param value the non-null value to compare with
         */
        public Comparison {
            PropertyNames.requirePath(path, "property path");
            Objects.requireNonNull(operator, "operator must not be null");
            if (value == null) {
                throw new IllegalArgumentException("cannot compare '" + path + "' " + operator
                        + " null: comparing with NULL is never true in SQL; use Condition.isNull(\"" + path
                        + "\") or Condition.isNotNull(\"" + path + "\")");
            }
        }

        /** Leaves the value out, which may be a secret. */
        @Override
        public String toString() {
            return "Comparison[path=" + path + ", operator=" + operator + ", value=?]";
        }
    }

    /**
     * Compares an aggregate with a non-null value, in {@link Projection#having(Condition)}:
     * {@code sum(t0."amount") > $1}. Made by the comparison methods of {@link Expression.Aggregate},
     * such as {@code Expression.sum("amount").gt(1_000)}.
     *
     * @param aggregate the aggregate
     * @param operator how to compare; not {@link Operator#LIKE}
     * @param value the value to compare with
     */
    record AggregateComparison(Expression.Aggregate aggregate, Operator operator, Object value) implements Condition {
        /**
         * Checks that every part is present and the operator compares.
         *
         * @param aggregate the aggregate
         * @param operator how to compare
         * @param value the non-null value
         */
        public AggregateComparison {
            Objects.requireNonNull(aggregate, "aggregate must not be null");
            Objects.requireNonNull(operator, "operator must not be null");
            if (operator == Operator.LIKE) {
                throw new IllegalArgumentException("an aggregate cannot be compared with LIKE");
            }
            if (value == null) {
                throw new IllegalArgumentException("cannot compare " + aggregate.name() + " " + operator
                        + " null: comparing with NULL is never true in SQL");
            }
        }

        /** Leaves the value out, which may be a secret. */
        @Override
        public String toString() {
            return "AggregateComparison[aggregate=" + aggregate + ", operator=" + operator + ", value=?]";
        }
    }

    /**
     * Compares two properties of the same row: {@code t0."shipped_at" > t0."ordered_at"}.
     *
     * @param path the property path on the left
     * @param operator how to compare; not a pattern match
     * @param otherPath the property path on the right
     */
    record PropertyComparison(String path, Operator operator, String otherPath) implements Condition {
        /**
         * Checks both paths and the operator.
         *
         * @param path the left path
         * @param operator how to compare
         * @param otherPath the right path
         */
        public PropertyComparison {
            PropertyNames.requirePath(path, "property path");
            Objects.requireNonNull(operator, "operator must not be null");
            PropertyNames.requirePath(otherPath, "property path");
            if (operator == Operator.LIKE || operator == Operator.ILIKE) {
                throw new IllegalArgumentException("two properties cannot be compared with " + operator
                        + "; compare them with EQ, NE, LT, LE, GT or GE");
            }
        }
    }

    /**
     * True when a property lies between two values, both included: {@code path BETWEEN low AND high}.
     *
     * @param path the property path
     * @param low the smallest value that matches, not null
     * @param high the largest value that matches, not null
     */
    record Between(String path, Object low, Object high) implements Condition {
        /**
         * Checks the path and that both bounds are present.
         *
         * @param path the property path
         * @param low the low bound
         * @param high the high bound
         */
        public Between {
            PropertyNames.requirePath(path, "property path");
            if (low == null || high == null) {
                throw new IllegalArgumentException("the bounds of '" + path + "' BETWEEN must not be null; use"
                        + " Condition.ge(…) or Condition.le(…) for a range open on one side");
            }
        }

        /** Leaves the bounds out, which may be secrets. */
        @Override
        public String toString() {
            return "Between[path=" + path + ", low=?, high=?]";
        }
    }

    /**
     * True when the row has a related row along a relationship, matching a condition if one is given:
     * a subquery correlated through the relationship, {@code EXISTS (SELECT 1 FROM "child" AS t1 WHERE
     * t1."parent_id" = t0."id" AND …)}. "Parents having a child with value X" is
     * {@code Condition.exists("children", Condition.eq("value", "x"))}; negate it for {@code NOT EXISTS}.
     *
     * @param relationshipPath a relationship of the queried entity (a collection or a to-one), or
     *     one reached through to-ones ({@code "parent.children"})
     * @param condition a condition on the related entity's properties, or null for any related row
     */
    record Exists(String relationshipPath, Condition condition) implements Condition {
        /**
         * Checks the path.
         *
         * @param relationshipPath the relationship path
         * @param condition the condition on the related rows, or null
         */
        public Exists {
            PropertyNames.requirePath(relationshipPath, "relationship path");
        }
    }

    /**
     * True when a property equals one of the values: {@code path IN (…)}. An empty list is
     * allowed and matches no row.
     *
     * @param path the property path
     * @param values the candidate values, none of them null
     */
    record In(String path, List<Object> values) implements Condition {
        /**
         * Checks the path and copies the values.
         *
         * @param path the property path
         * @param values the candidate values, none of them null; copied
         */
        public In {
            PropertyNames.requirePath(path, "property path");
            Objects.requireNonNull(values, "values must not be null");
            if (values.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("the values for '" + path + "' IN (…) contain null, which"
                        + " never matches in SQL; use Condition.in(…).or(Condition.isNull(\"" + path + "\"))");
            }
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /** Leaves the values out, which may be secrets; their number stays. */
        @Override
        public String toString() {
            return "In[path=" + path + ", values=" + values.size() + " values]";
        }
    }

    /**
     * True when a property equals one of the values a subquery selects: {@code path IN (SELECT …)}.
     *
     * @param path the property path
     * @param subquery the subquery, uncorrelated or correlated through a relationship
     */
    record InSubquery(String path, Subquery subquery) implements Condition {
        /**
         * Checks the path and that the subquery is present.
         *
         * @param path the property path
         * @param subquery the subquery
         */
        public InSubquery {
            PropertyNames.requirePath(path, "property path");
            Objects.requireNonNull(subquery, "subquery must not be null");
        }
    }

    /**
     * True when a property is null: {@code path IS NULL}.
     *
     * @param path the property path
     */
    record IsNull(String path) implements Condition {
        /**
         * Checks the path.
         *
         * @param path the property path
         */
        public IsNull {
            PropertyNames.requirePath(path, "property path");
        }
    }

    /**
     * True when a property is not null: {@code path IS NOT NULL}.
     *
     * @param path the property path
     */
    record IsNotNull(String path) implements Condition {
        /**
         * Checks the path.
         *
         * @param path the property path
         */
        public IsNotNull {
            PropertyNames.requirePath(path, "property path");
        }
    }

    /**
     * True when every one of the conditions is true.
     *
     * @param conditions at least two conditions, in the order given
     */
    record And(List<Condition> conditions) implements Condition {
        /**
         * Checks and copies the conditions.
         *
         * @param conditions at least two conditions; copied
         */
        public And {
            conditions = requireAtLeastTwo(conditions, "And", "and");
        }
    }

    /**
     * True when at least one of the conditions is true.
     *
     * @param conditions at least two conditions, in the order given
     */
    record Or(List<Condition> conditions) implements Condition {
        /**
         * Checks and copies the conditions.
         *
         * @param conditions at least two conditions; copied
         */
        public Or {
            conditions = requireAtLeastTwo(conditions, "Or", "or");
        }
    }

    /**
     * True when the condition is false: {@code NOT (condition)}.
     *
     * @param condition the negated condition
     */
    record Not(Condition condition) implements Condition {
        /**
         * Checks that the condition is present.
         *
         * @param condition the negated condition
         */
        public Not {
            Objects.requireNonNull(condition, "condition must not be null");
        }
    }

    /**
     * {@code path = value}; a null value gives {@code isNull(path)}, as in SQLAlchemy's {@code == None}
     * and Django's {@code filter(path=None)}.
     *
     * @param path the property path, such as {@code "value"} or {@code "parent.value"}
     * @param value any value; an entity instance compares a many-to-one by id
     * @return the condition
     */
    static Condition eq(String path, Object value) {
        return value == null ? new IsNull(path) : new Comparison(path, Operator.EQ, value);
    }

    /**
     * {@code path <> value}; a null value gives {@code isNotNull(path)}. As in SQL, rows where the
     * property is null do not match {@code ne(path, value)}.
     *
     * @param path the property path
     * @param value any value
     * @return the condition
     */
    static Condition ne(String path, Object value) {
        return value == null ? new IsNotNull(path) : new Comparison(path, Operator.NE, value);
    }

    /**
     * {@code path < value} (Django's {@code path__lt}).
     *
     * @param path the property path
     * @param value a non-null value
     * @return the condition
     * @throws IllegalArgumentException if {@code value} is null
     */
    static Condition lt(String path, Object value) {
        return new Comparison(path, Operator.LT, value);
    }

    /**
     * {@code path <= value} (Django's {@code path__lte}).
     *
     * @param path the property path
     * @param value a non-null value
     * @return the condition
     * @throws IllegalArgumentException if {@code value} is null
     */
    static Condition le(String path, Object value) {
        return new Comparison(path, Operator.LE, value);
    }

    /**
     * {@code path > value} (Django's {@code path__gt}).
     *
     * @param path the property path
     * @param value a non-null value
     * @return the condition
     * @throws IllegalArgumentException if {@code value} is null
     */
    static Condition gt(String path, Object value) {
        return new Comparison(path, Operator.GT, value);
    }

    /**
     * {@code path >= value} (Django's {@code path__gte}).
     *
     * @param path the property path
     * @param value a non-null value
     * @return the condition
     * @throws IllegalArgumentException if {@code value} is null
     */
    static Condition ge(String path, Object value) {
        return new Comparison(path, Operator.GE, value);
    }

    /**
     * {@code path IN (values…)} (SQLAlchemy's {@code in_}, Django's {@code path__in}). An empty
     * collection is allowed and matches no row.
     *
     * @param path the property path
     * @param values the candidate values, none of them null; copied
     * @return the condition
     * @throws IllegalArgumentException if a value is null
     */
    static Condition in(String path, Collection<?> values) {
        Objects.requireNonNull(values, "values must not be null");
        return new In(path, new ArrayList<>(values));
    }

    /**
     * {@code path IN (values…)}, the values given inline: {@code Condition.in("key", "a", "b")}.
     *
     * @param path the property path
     * @param values the candidate values, none of them null
     * @return the condition
     * @throws IllegalArgumentException if a value is null
     */
    static Condition in(String path, Object... values) {
        Objects.requireNonNull(values, "values must not be null");
        return new In(path, Arrays.asList(values));
    }

    /**
     * {@code path IN (SELECT …)}: the property equals one of the values the subquery selects
     * (SQLAlchemy's {@code in_(select(…))}, Django's {@code path__in=queryset.values(…)}). "Parents having
     * a child with value X" is {@code in("id", Subquery.of(Select.from(Child.class).where(eq("value", "x")),
     * "parent"))}.
     *
     * @param path the property path
     * @param subquery made by {@link Subquery#of} or {@link Subquery#related}
     * @return the condition
     */
    static Condition in(String path, Subquery subquery) {
        return new InSubquery(path, subquery);
    }

    /**
     * {@code NOT (path IN (SELECT …))}: the property equals none of the values the subquery selects.
     * Nulls among them do not turn it unknown (the subquery leaves them out); a row whose own property
     * is null does not match.
     *
     * @param path the property path
     * @param subquery made by {@link Subquery#of} or {@link Subquery#related}
     * @return the condition
     */
    static Condition notIn(String path, Subquery subquery) {
        return in(path, subquery).negate();
    }

    /**
     * {@code path LIKE pattern}, where {@code %} matches any run of characters and {@code _} one
     * character: {@code like("value", "a%")} is Django's {@code value__startswith="a"}.
     *
     * @param path the property path
     * @param pattern the pattern, not null
     * @return the condition
     */
    static Condition like(String path, String pattern) {
        Objects.requireNonNull(pattern, "pattern must not be null");
        return new Comparison(path, Operator.LIKE, pattern);
    }

    /**
     * {@code path ILIKE pattern}: {@link #like} ignoring case (Django's {@code path__icontains} is
     * {@code ilike(path, "%" + escapeLike(text) + "%")}).
     *
     * @param path the property path
     * @param pattern the pattern, not null
     * @return the condition
     */
    static Condition ilike(String path, String pattern) {
        Objects.requireNonNull(pattern, "pattern must not be null");
        return new Comparison(path, Operator.ILIKE, pattern);
    }

    /**
     * True when a text property starts with {@code prefix}, taken literally: {@code %}, {@code _}
     * and {@code \} in it are escaped (Django's {@code path__startswith}).
     *
     * @param path the property path
     * @param prefix the text, not null
     * @return {@code path LIKE 'prefix%'}
     */
    static Condition startsWith(String path, String prefix) {
        return like(path, escapeLike(prefix) + "%");
    }

    /**
     * True when a text property ends with {@code suffix}, taken literally.
     *
     * @param path the property path
     * @param suffix the text, not null
     * @return {@code path LIKE '%suffix'}
     */
    static Condition endsWith(String path, String suffix) {
        return like(path, "%" + escapeLike(suffix));
    }

    /**
     * True when a text property contains {@code text}, taken literally (Django's {@code path__contains}).
     *
     * @param path the property path
     * @param text the text, not null
     * @return {@code path LIKE '%text%'}
     */
    static Condition contains(String path, String text) {
        return like(path, "%" + escapeLike(text) + "%");
    }

    /**
     * Escapes the LIKE wildcards {@code %} and {@code _}, and the escape character {@code \}, so that
     * {@code text} matches itself in a {@link #like} or {@link #ilike} pattern.
     *
     * @param text any text, not null
     * @return the text with {@code \}, {@code %} and {@code _} preceded by {@code \}
     */
    static String escapeLike(String text) {
        Objects.requireNonNull(text, "text must not be null");
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * {@code low <= path <= high}: {@code path BETWEEN low AND high}.
     *
     * @param path the property path
     * @param low the low bound, included, not null
     * @param high the high bound, included, not null
     * @return the condition
     */
    static Condition between(String path, Object low, Object high) {
        return new Between(path, low, high);
    }

    /**
     * Compares two properties of a row: {@code compare("shippedAt", Operator.GT, "orderedAt")} (Django's
     * {@code F} expressions, SQLAlchemy's {@code Order.shipped_at > Order.ordered_at}).
     *
     * @param path the property path on the left
     * @param operator EQ, NE, LT, LE, GT or GE
     * @param otherPath the property path on the right
     * @return the condition
     */
    static Condition compare(String path, Operator operator, String otherPath) {
        return new PropertyComparison(path, operator, otherPath);
    }

    /**
     * True when the row has at least one related row along a relationship that matches
     * {@code condition} (SQLAlchemy's {@code Parent.children.any(…)}, Django's
     * {@code filter(children__value="x")} without duplicates): {@code EXISTS (SELECT 1 …)}.
     *
     * @param relationshipPath a relationship, such as {@code "children"}
     * @param condition a condition on the related entity, such as {@code Condition.eq("value", "x")}
     * @return the condition
     */
    static Condition exists(String relationshipPath, Condition condition) {
        Objects.requireNonNull(condition, "condition must not be null");
        return new Exists(relationshipPath, condition);
    }

    /**
     * True when the row has at least one related row along a relationship.
     *
     * @param relationshipPath a relationship, such as {@code "children"}
     * @return the condition
     */
    static Condition exists(String relationshipPath) {
        return new Exists(relationshipPath, null);
    }

    /**
     * True when the row has no related row along a relationship that matches {@code condition}:
     * {@code NOT (EXISTS (SELECT 1 …))}.
     *
     * @param relationshipPath a relationship
     * @param condition a condition on the related entity
     * @return the condition
     */
    static Condition notExists(String relationshipPath, Condition condition) {
        return exists(relationshipPath, condition).negate();
    }

    /**
     * True when the row has no related row along a relationship (childless parents).
     *
     * @param relationshipPath a relationship
     * @return the condition
     */
    static Condition notExists(String relationshipPath) {
        return exists(relationshipPath).negate();
    }

    /**
     * The array column holds every given element: {@code path @> $1::text[]}.
     *
     * @param path the property path of an array column, such as {@code "tags"}
     * @param elements the elements, at least none (an empty collection always matches)
     * @return the condition
     */
    static Condition arrayContains(String path, Collection<?> elements) {
        return new ArrayCondition(path, ArrayOperator.CONTAINS, List.copyOf(elements));
    }

    /**
     * The array column holds at least one of the given elements: {@code path && $1::text[]}.
     *
     * @param path the property path of an array column
     * @param elements the elements
     * @return the condition
     */
    static Condition arrayOverlaps(String path, Collection<?> elements) {
        return new ArrayCondition(path, ArrayOperator.OVERLAPS, List.copyOf(elements));
    }

    /**
     * One element of the array column equals the value: {@code $1::text = ANY(path)}.
     *
     * @param path the property path of an array column
     * @param element the element
     * @return the condition
     */
    static Condition arrayAny(String path, Object element) {
        return new ArrayCondition(path, ArrayOperator.ANY, element);
    }

    /**
     * The text at a path inside a JSON column equals the value's text:
     * {@code Condition.jsonEq("preferences", "theme", "dark")} renders
     * {@code (t0."preferences" #>> $1::text[]) = $2} with {@code $1 = {theme}} and {@code $2 = 'dark'}.
     * Keys are separated by dots ({@code "address.city"}); numbers and booleans compare as their text.
     *
     * @param path the property path of a JSON column ({@code @Column(columnDefinition = "jsonb")})
     * @param jsonPath the keys inside the document, separated by dots
     * @param value the value whose {@code toString()} the text must equal
     * @return the condition
     */
    static Condition jsonEq(String path, String jsonPath, Object value) {
        Objects.requireNonNull(jsonPath, "jsonPath must not be null");
        return new JsonComparison(path, List.of(jsonPath.split("\\.", -1)), value);
    }

    /**
     * {@code path IS NULL}; for a many-to-one, rows without a related entity.
     *
     * @param path the property path
     * @return the condition
     */
    static Condition isNull(String path) {
        return new IsNull(path);
    }

    /**
     * {@code path IS NOT NULL}.
     *
     * @param path the property path
     * @return the condition
     */
    static Condition isNotNull(String path) {
        return new IsNotNull(path);
    }

    /**
     * All of the conditions (SQLAlchemy's {@code and_}): {@code Condition.and(a, b, c)}. Nested
     * {@link And}s are flattened and a single condition is returned as it is (pass one as an array:
     * {@code Condition.and(a)} resolves to the instance method {@link #and(Condition)}).
     *
     * @param conditions at least one condition
     * @return the combined condition
     * @throws IllegalArgumentException if there is no condition
     */
    static Condition and(Condition... conditions) {
        List<Condition> flat = flatten(conditions, And.class, "and");
        return flat.size() == 1 ? flat.get(0) : new And(flat);
    }

    /**
     * Any of the conditions (SQLAlchemy's {@code or_}). Nested {@link Or}s are flattened and a
     * single condition is returned as it is.
     *
     * @param conditions at least one condition
     * @return the combined condition
     * @throws IllegalArgumentException if there is no condition
     */
    static Condition or(Condition... conditions) {
        List<Condition> flat = flatten(conditions, Or.class, "or");
        return flat.size() == 1 ? flat.get(0) : new Or(flat);
    }

    /**
     * The negation of a condition (SQLAlchemy's {@code not_}, Django's {@code ~Q}). {@code not(not(c))}
     * is {@code c}, and the negation of {@link IsNull} is {@link IsNotNull} and back.
     *
     * @param condition the condition to negate
     * @return the negated condition
     */
    static Condition not(Condition condition) {
        Objects.requireNonNull(condition, "condition must not be null");
        if (condition instanceof Not not) {
            return not.condition();
        }
        if (condition instanceof IsNull isNull) {
            return new IsNotNull(isNull.path());
        }
        if (condition instanceof IsNotNull isNotNull) {
            return new IsNull(isNotNull.path());
        }
        return new Not(condition);
    }

    /**
     * This condition and the other: {@code Condition.and(this, other)}.
     *
     * @param other the condition that must hold as well
     * @return the combined condition; this one is unchanged
     */
    default Condition and(Condition other) {
        return Condition.and(this, other);
    }

    /**
     * This condition or the other: {@code Condition.or(this, other)}.
     *
     * @param other the alternative condition
     * @return the combined condition; this one is unchanged
     */
    default Condition or(Condition other) {
        return Condition.or(this, other);
    }

    /**
     * The negation of this condition: {@code Condition.not(this)}.
     *
     * @return the negated condition; this one is unchanged
     */
    default Condition negate() {
        return Condition.not(this);
    }

    private static List<Condition> requireAtLeastTwo(List<Condition> conditions, String kind, String factory) {
        Objects.requireNonNull(conditions, "conditions must not be null");
        if (conditions.size() < 2) {
            throw new IllegalArgumentException(kind + " needs at least two conditions, got " + conditions.size()
                    + "; use Condition." + factory + "(…), which also accepts one");
        }
        return List.copyOf(conditions);
    }

    private static List<Condition> flatten(
            Condition[] conditions, Class<? extends Condition> kind, String operation) {
        Objects.requireNonNull(conditions, "conditions must not be null");
        if (conditions.length == 0) {
            throw new IllegalArgumentException("Condition." + operation + "(…) needs at least one condition");
        }
        List<Condition> flat = new ArrayList<>();
        for (Condition condition : conditions) {
            Objects.requireNonNull(condition, "conditions must not contain null");
            if (condition instanceof And and && kind == And.class) {
                flat.addAll(and.conditions());
            } else if (condition instanceof Or or && kind == Or.class) {
                flat.addAll(or.conditions());
            } else {
                flat.add(condition);
            }
        }
        return flat;
    }
}
