package io.valence.orm.query;

import java.util.List;
import java.util.Objects;

/**
 * A subquery selecting one property, for {@link Condition#in(String, Subquery)}: the values a property
 * takes in other rows. SQLAlchemy's {@code Parent.id.in_(select(Child.parent_id).where(…))}, Django's
 * {@code filter(id__in=Child.objects.filter(…).values("parent"))}.
 *
 * <pre>{@code
 * // uncorrelated: parents having a child with value "x"
 * Condition.in("id", Subquery.of(Select.from(Child.class).where(Condition.eq("value", "x")), "parent"));
 * // SQL: t0."id" IN (SELECT t1."parent_id" FROM "child" AS t1 WHERE t1."value" = $1 AND t1."parent_id" IS NOT NULL)
 *
 * // correlated through a relationship: parents whose value is the value of one of their own children
 * Condition.in("value", Subquery.related("children", "value"));
 * // SQL: t0."value" IN (SELECT t1."value" FROM "child" AS t1 WHERE t1."parent_id" = t0."id" AND t1."value" IS NOT NULL)
 * }</pre>
 *
 * <p>A nullable selected column is filtered with {@code IS NOT NULL} inside the subquery, so that the
 * negation ({@link Condition#notIn(String, Subquery)}) keeps its plain meaning: in SQL,
 * {@code x NOT IN (…, NULL)} is never true. Whether the paths exist, and whether the selected
 * property holds values of the compared property's type, is checked when the query runs, before any SQL.
 */
public sealed interface Subquery permits Subquery.Uncorrelated, Subquery.Correlated {

    /**
     * The property path the subquery selects, on the subquery's entity.
     *
     * @return the path
     */
    String selected();

    /**
     * A subquery over all rows of an entity that match a condition, independent of the outer row:
     * {@code SELECT t1."parent_id" FROM "child" AS t1 [INNER JOIN …] WHERE …}.
     *
     * @param entityType the entity the subquery reads
     * @param joins the relationship paths it inner-joins, as {@link Select#join(String)}
     * @param where its condition, or null for every row
     * @param selected the property path it selects
     */
    record Uncorrelated(Class<?> entityType, List<String> joins, Condition where, String selected) implements Subquery {
        /**
         * Checks the parts and copies the joins.
         *
         * @param entityType the entity
         * @param joins the joins; copied
         * @param where the condition, or null
         * @param selected the selected path
         */
        public Uncorrelated {
            Objects.requireNonNull(entityType, "entity type must not be null");
            joins = List.copyOf(joins);
            PropertyNames.requirePath(selected, "selected property path");
        }
    }

    /**
     * A subquery over the rows related to the outer row along a relationship, as
     * {@link Condition#exists(String, Condition)} reads them: {@code SELECT t1."value" FROM "child" AS t1
     * WHERE t1."parent_id" = t0."id" [AND (…)]}.
     *
     * @param relationshipPath a relationship of the queried entity, or one reached through to-ones
     * @param selected the property path it selects, on the related entity
     * @param condition a condition on the related rows, or null for all of them
     */
    record Correlated(String relationshipPath, String selected, Condition condition) implements Subquery {
        /**
         * Checks the paths.
         *
         * @param relationshipPath the relationship path
         * @param selected the selected path
         * @param condition the condition, or null
         */
        public Correlated {
            PropertyNames.requirePath(relationshipPath, "relationship path");
            PropertyNames.requirePath(selected, "selected property path");
        }
    }

    /**
     * The values of {@code path} in the rows {@code select} matches (its conditions and joins).
     *
     * @param select the rows to read; without order, limit, offset, lock or load options, which mean
     *     nothing inside {@code IN (…)}
     * @param path the property path to select, such as {@code "parent"} (a many-to-one selects its
     *     foreign key) or {@code "id"}
     * @return the subquery
     * @throws IllegalArgumentException if {@code select} orders, limits, offsets, locks or loads
     */
    static Subquery of(Select<?> select, String path) {
        Objects.requireNonNull(select, "select must not be null");
        if (!select.orders().isEmpty() || select.limit().isPresent() || select.offset().isPresent()
                || select.lock().isPresent() || !select.loadOptions().isEmpty() || select.isPopulateExisting()) {
            throw new IllegalArgumentException("a subquery selects values for IN (…), so its Select takes conditions"
                    + " and joins only, but " + select + " also orders, limits, offsets, locks or loads; remove those"
                    + " parts from the Select given to Subquery.of(…)");
        }
        return new Uncorrelated(select.entityType(), select.joins(), select.where().orElse(null), path);
    }

    /**
     * The values of {@code path} in every row related to the outer row along a relationship.
     *
     * @param relationshipPath a relationship of the queried entity, such as {@code "children"}
     * @param path the property path to select on the related entity
     * @return the correlated subquery
     */
    static Subquery related(String relationshipPath, String path) {
        return new Correlated(relationshipPath, path, null);
    }

    /**
     * The values of {@code path} in the rows related to the outer row along a relationship that match
     * {@code condition}.
     *
     * @param relationshipPath a relationship of the queried entity, such as {@code "children"}
     * @param path the property path to select on the related entity
     * @param condition a condition on the related entity
     * @return the correlated subquery
     */
    static Subquery related(String relationshipPath, String path, Condition condition) {
        Objects.requireNonNull(condition, "condition must not be null");
        return new Correlated(relationshipPath, path, condition);
    }
}
