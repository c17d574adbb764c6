package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Expression;
import io.valence.orm.query.Order;
import io.valence.orm.query.Projection;
import java.util.List;
import java.util.Locale;

/**
 * Builds every error message of query and DML rendering, one factory per message. Each says what is
 * wrong, where, and what to do; bound values stay out, only their types are named.
 */
final class QueryErrors {
    private static final int MAX_SUGGESTION_DISTANCE = 3;

    private QueryErrors() {}

    static IllegalArgumentException unknownProperty(EntityMapping mapping, String name) {
        List<String> properties = mapping.propertyNames();
        return new IllegalArgumentException(mapping.name() + " has no property \"" + name + "\"" + suggestion(name, properties)
                + "ts properties are " + properties);
    }

    static IllegalArgumentException noRelationship(EntityMapping mapping, String name, String path) {
        List<String> relationships = relationshipNames(mapping);
        if (mapping.column(name) != null) {
            String where = name.equals(path) ? mapping.name() + "." + name + " is a column, not a relationship"
                    : "\"" + path + "\" goes through " + mapping.name() + "." + name
                            + ", which is a column, not a relationship";
            return new IllegalArgumentException(where + "; " + mapping.name() + "'s relationships are " + relationships);
        }
        return new IllegalArgumentException(mapping.name() + " has no relationship \"" + name + "\""
                + suggestion(name, relationships) + "ts relationships are " + relationships);
    }

    static IllegalArgumentException collectionNotJoined(EntityMapping mapping, String name, String joinPath, String path) {
        return new IllegalArgumentException("\"" + path + "\" goes through " + mapping.name() + "." + name
                + ", a collection, which conditions and orders do not join implicitly; join it first with Select.join(\""
                + joinPath + "\")");
    }

    static IllegalArgumentException notAColumn(EntityMapping mapping, RelationshipMapping relationship, String path) {
        String kind = relationship.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new IllegalArgumentException("\"" + path + "\" names " + mapping.name() + "." + relationship.name()
                + ", an inverse " + kind + " relationship, which has no column of " + mapping.name()
                + " to compare or set; to filter on it, join it with Select.join(\"" + path
                + "\") and name one of its properties, such as \"" + path + ".id\"");
    }

    static IllegalArgumentException compositeForeignKey(EntityMapping mapping, RelationshipMapping owning, String path) {
        return new IllegalArgumentException("\"" + path + "\" names " + mapping.name() + "." + owning.name() + ", whose"
                + " foreign key has a column per part of " + owning.target().getSimpleName() + "'s composite key, so it"
                + " is no single value; compare it whole with Condition.eq(\"" + path + "\", object or key) or"
                + " Condition.ne, or its parts through the relationship, as in Condition.eq(\"" + path + "."
                + "<key part>\", value)");
    }

    static IllegalArgumentException compositeKeyOperator(KeyColumns key, String operator) {
        return new IllegalArgumentException("\"" + key.path() + "\" is a composite key of " + key.referenced().name()
                + ", which compares whole only with = and <>, not " + operator.strip() + "; compare its parts one by"
                + " one instead");
    }

    static IllegalArgumentException wrongKeyValue(KeyColumns key, Object value) {
        String keyClass = key.referenced().key().keyClass().getSimpleName();
        return new IllegalArgumentException("\"" + key.path() + "\" is a composite key of " + key.referenced().name()
                + " and is compared with a " + keyClass + " or a " + key.referenced().name() + ", but was given "
                + (value == null ? "null" : "a " + value.getClass().getSimpleName()) + " (or a key with a null part);"
                + " pass a " + keyClass + " with every part set, or a " + key.referenced().name() + " that has its key");
    }

    static IllegalArgumentException compositeKeyParameter(EntityMapping mapping) {
        return new IllegalArgumentException("a " + mapping.name() + " was passed as a native query parameter, but its"
                + " key has " + mapping.key().parts().size() + " parts, which one parameter cannot hold; pass the parts"
                + " as separate parameters, e.g. " + String.join(", ", mapping.key().parts().stream()
                        .map(part -> ":" + part.property().replace('.', '_')).toList()));
    }

    static IllegalArgumentException notAnArray(ResolvedColumn column, Condition.ArrayOperator operator) {
        return new IllegalArgumentException(describe(column) + " is not an array column, so it cannot be tested with "
                + operator + "; array conditions apply to String[], List<String>, long[], List<Long>, int[],"
                + " List<Integer>, UUID[] and List<UUID> fields: use Condition.eq or Condition.in on this one");
    }

    static IllegalArgumentException notElements(ResolvedColumn column, Object value) {
        return new IllegalArgumentException("the elements to test " + describe(column) + " against must be a"
                + " Collection or an array, not " + value.getClass().getSimpleName() + "; pass List.of(…)");
    }

    static IllegalArgumentException wrongElementType(ResolvedColumn column, Class<?> elementType, Object value) {
        return new IllegalArgumentException(describe(column) + " holds " + elementType.getSimpleName() + " elements,"
                + " but the condition was given a " + value.getClass().getSimpleName() + "; pass "
                + elementType.getSimpleName() + " values");
    }

    static IllegalArgumentException notJson(ResolvedColumn column) {
        return new IllegalArgumentException(describe(column) + " is not a JSON column, so Condition.jsonEq cannot look"
                + " inside it; map it with @Column(columnDefinition = \"jsonb\"), or use Condition.eq");
    }

    static IllegalArgumentException pendingReference(EntityMapping target) {
        return new IllegalArgumentException(target.name() + " (pending, no id) has no id yet; flush first"
                + " (session.flush()), then use it as a value");
    }

    static IllegalArgumentException wrongValueType(ResolvedColumn target, Object value) {
        String expected = target.column().type().javaType().getSimpleName();
        return new IllegalArgumentException(describe(target) + " holds " + expected + " values, but was given a value of type "
                + value.getClass().getSimpleName() + "; pass a " + expected);
    }

    static IllegalArgumentException wrongReferenceType(ResolvedColumn target, Object value) {
        EntityMapping reference = target.reference();
        return new IllegalArgumentException(describe(target) + " refers to " + reference.name() + ", but was given a value of type "
                + value.getClass().getSimpleName() + "; pass a " + reference.name() + " or its id");
    }

    static IllegalArgumentException patternNotText(ResolvedColumn target, Object value) {
        return new IllegalArgumentException("LIKE on " + describe(target) + " needs a String pattern, but was given a value of type "
                + value.getClass().getSimpleName() + "; use Condition.like(path, pattern)");
    }

    static IllegalArgumentException wrongIdType(EntityMapping mapping, Object id) {
        String expected = mapping.id().type().javaType().getSimpleName();
        return new IllegalArgumentException(mapping.name() + " ids are " + expected + ", but was given a value of type "
                + id.getClass().getSimpleName() + "; pass a " + expected);
    }

    static IllegalArgumentException bulkPathNotSupported(String statement, EntityMapping mapping, String path) {
        return new IllegalArgumentException("a bulk " + statement + " of " + mapping.name() + " cannot filter on \"" + path
                + "\": bulk UPDATE and DELETE conditions name " + mapping.name() + "'s own columns only (a many-to-one"
                + " compares by its foreign key, as in filterBy(\"parent\", parent)); select the matching ids first"
                + " and filter with Condition.in(\"id\", ids)");
    }

    static IllegalArgumentException existsInBulk(String path) {
        return new IllegalArgumentException("a bulk UPDATE or DELETE cannot filter on Condition.exists(\"" + path
                + "\", …): its conditions name the entity's own columns only; select the matching ids first"
                + " (Select.value(Long.class, \"id\").where(Condition.exists(…))) and filter with Condition.in(\"id\", ids)");
    }

    static IllegalArgumentException subqueryInBulk(String path) {
        return new IllegalArgumentException("a bulk UPDATE or DELETE cannot filter on Condition.in(\"" + path
                + "\", subquery): its conditions name the entity's own columns only; select the matching ids first"
                + " (Select.value(Long.class, \"id\").where(Condition.in(…))) and filter with Condition.in(\"id\", ids)");
    }

    static IllegalArgumentException subqueryTypeMismatch(ResolvedColumn column, ResolvedColumn selected) {
        return new IllegalArgumentException("Condition.in(\"" + column.path() + "\", subquery) compares "
                + describe(column) + ", which holds " + column.column().type().javaType().getSimpleName()
                + " values, with " + describe(selected) + ", which holds "
                + selected.column().type().javaType().getSimpleName() + " values; select a property of the same type"
                + " (a many-to-one selects its target's id)");
    }

    static IllegalArgumentException keysetWithLimit(EntityMapping mapping) {
        return new IllegalArgumentException("a keyset page of " + mapping.name() + " is limited by its size and starts"
                + " after its key, so the query cannot have a limit or offset; remove Select.limit(…)/offset(…) and pass"
                + " the size to session.page(select, size)");
    }

    static IllegalArgumentException keysetOrderNotOwnColumn(EntityMapping mapping, Order order) {
        return new IllegalArgumentException("keyset pagination of " + mapping.name() + " orders by its own columns,"
                + " read from the last row of each page, but the order " + describe(order) + " names "
                + (order.expression() instanceof Expression.Aggregate ? "an aggregate" : "a relationship or a path through one")
                + "; order by properties of " + mapping.name() + " itself, or page with limit(…)/offset(…)");
    }

    static IllegalArgumentException keysetNotUnique(EntityMapping mapping, List<Order> orders) {
        String id = String.join(", ", mapping.key().parts().stream()
                .map(part -> "Order.asc(\"" + part.property() + "\")").toList());
        return new IllegalArgumentException("keyset pagination of " + mapping.name() + " needs a unique ordering, but "
                + (orders.isEmpty() ? "the query has none"
                        : orders.stream().map(QueryErrors::describe).toList() + " can tie, so rows would be skipped or"
                                + " repeated between pages (it does not end in the id or a unique NOT NULL column"
                                + (mapping.key().isComposite() ? ", nor holds every key part" : "") + ")")
                + "; end the ordering with the id, as in orderBy(" + (orders.isEmpty() ? "" : "…, ") + id + ")");
    }

    static IllegalArgumentException keysetKeyMismatch(EntityMapping mapping, List<Order> orders, int values) {
        return new IllegalArgumentException("this PageKey holds " + values + " values, but the query of " + mapping.name()
                + " pages by " + orders.size() + " order terms " + orders.stream().map(QueryErrors::describe).toList()
                + "; pass the key of a page of the same query (Page.next())");
    }

    static IllegalArgumentException updateWithoutAssignments(EntityMapping mapping) {
        return new IllegalArgumentException("this Update of " + mapping.name() + " sets no property; add at least one"
                + " with Update.set(property, value)");
    }

    static IllegalArgumentException insertIntoBaseClass(EntityMapping mapping) {
        return new IllegalArgumentException("an Insert into " + mapping.name() + " cannot say which subclass each row"
                + " is, as " + mapping.name() + " is abstract; insert into one of its subclasses "
                + mapping.inheritance().subclasses().stream().map(EntityMapping::name).toList() + " instead");
    }

    static IllegalArgumentException bulkDmlOfJoinedClass(EntityMapping mapping, String kind) {
        return new IllegalArgumentException("a bulk " + kind + " of " + mapping.name() + " is not supported, as its"
                + " hierarchy is mapped JOINED and its rows span several tables (" + mapping.tables().stream()
                        .map(EntityMapping::table).toList() + "); load the objects and change them in a session"
                + " (the flush writes each table), or send SQL per table with NativeQuery");
    }

    static IllegalArgumentException lockOfJoinedBaseClass(EntityMapping mapping) {
        return new IllegalArgumentException("a query of " + mapping.name() + " cannot lock its rows: its JOINED"
                + " hierarchy's subclass tables are outer-joined, and PostgreSQL locks no outer-joined row; lock a"
                + " query of a concrete subclass (" + mapping.inheritance().subclasses().stream().map(EntityMapping::name)
                        .toList() + ") instead");
    }

    static IllegalArgumentException insertWithoutRows(EntityMapping mapping) {
        return new IllegalArgumentException("this Insert into " + mapping.name() + " has no row; add rows with"
                + " Insert.values(…)");
    }

    static IllegalArgumentException tooManyParameters(EntityMapping mapping, int rows, int columns, int limit) {
        return new IllegalArgumentException("an insert into " + mapping.name() + " of " + rows + " rows of " + columns
                + " columns needs " + ((long) rows * columns) + " parameters, more than the " + limit
                + " PostgreSQL accepts in one statement; split the rows into inserts of at most " + (limit / columns)
                + " rows each");
    }

    static IllegalArgumentException aggregateNotNumeric(Expression.Aggregate aggregate, ResolvedColumn column) {
        String function = aggregate.function().name().toLowerCase(Locale.ROOT);
        return new IllegalArgumentException(function + "(\"" + aggregate.path() + "\") needs a number, but "
                + describe(column) + " holds " + column.column().type().javaType().getSimpleName() + " values; "
                + function + " a numeric property (short, int, long, float, double or BigDecimal), or count it with"
                + " Expression.count(\"" + aggregate.path() + "\")");
    }

    static IllegalArgumentException aggregateNotOrdered(Expression.Aggregate aggregate, ResolvedColumn column) {
        String function = aggregate.function().name().toLowerCase(Locale.ROOT);
        return new IllegalArgumentException(function + "(\"" + aggregate.path() + "\") needs ordered values, but "
                + describe(column) + " holds " + column.column().type().javaType().getSimpleName()
                + " values, which PostgreSQL's " + function + " does not take; use it on a number, text, date or time");
    }

    static IllegalArgumentException aggregateOutsideHaving(Expression.Aggregate aggregate) {
        return new IllegalArgumentException("the condition on " + aggregate.name() + " compares an aggregate, which SQL"
                + " evaluates per group, after WHERE; put it in Projection.having(…) of a grouped projection");
    }

    static IllegalArgumentException aggregateOrderOfEntities(Expression.Aggregate aggregate) {
        return new IllegalArgumentException("an entity query cannot be ordered by the aggregate " + aggregate.name()
                + "; order a projection grouped with Projection.groupBy(…) by it");
    }

    static IllegalArgumentException wrongAggregateValueType(String aggregate, Class<?> type, Object value) {
        return new IllegalArgumentException(aggregate + " is a " + type.getSimpleName() + ", but was compared with a"
                + " value of type " + value.getClass().getSimpleName() + "; compare it with a number");
    }

    static IllegalArgumentException loadOptionsInProjection(Projection<?> projection) {
        return new IllegalArgumentException("a projection into " + projection.resultType().getSimpleName()
                + " loads no entity, so its Select cannot have load options " + projection.source().loadOptions()
                + "; remove Select.options(…), or select entities with session.scalars(…)");
    }

    static IllegalArgumentException lockOfGroups(Projection<?> projection) {
        return new IllegalArgumentException("a projection into " + projection.resultType().getSimpleName()
                + " with groupBy, distinct or an aggregate cannot lock rows (PostgreSQL locks rows, not groups);"
                + " remove forUpdate()/forShare(), or lock the rows with a query of their own first");
    }

    static IllegalArgumentException lockPathNotJoined(EntityMapping root, String path) {
        return new IllegalArgumentException("the lock of a query of " + root.name() + " names \"" + path + "\", which"
                + " the query does not join; join it with Select.join(\"" + path + "\") or leave it out of Select.of(…)");
    }

    static IllegalArgumentException projectionMismatch(Class<?> type, List<String> selected, String expected, String problem) {
        return new IllegalArgumentException(type.getSimpleName() + " cannot hold the selected values " + selected + ": "
                + problem + ". It takes " + expected + "; name the selections after its components"
                + " (Expression.as(…)) with matching types, or change " + type.getSimpleName());
    }

    static IllegalArgumentException rowMismatch(Class<?> type, String expected, Object[] values, Exception cause) {
        List<String> types = java.util.Arrays.stream(values)
                .map(value -> value == null ? "null" : value.getClass().getSimpleName()).toList();
        return new IllegalArgumentException("a row of types " + types + " does not fit " + type.getSimpleName() + expected
                + "; select columns of the constructor's types, or cast them in the SQL", cause);
    }

    static IllegalArgumentException valueMismatch(Class<?> type, String selected, Class<?> actual) {
        return new IllegalArgumentException("Select.value(" + type.getSimpleName() + ".class, …) selects " + selected
                + ", whose values are " + actual.getSimpleName() + "; ask for " + actual.getSimpleName()
                + ".class (or a supertype)");
    }

    static IllegalArgumentException nativeMissingParameters(String sql, List<String> missing, List<String> bound) {
        return new IllegalArgumentException("the native query " + truncated(sql) + " has parameters " + missing
                + " that are not bound (bound: " + bound + "); bind each with NativeQuery.bind(…) (or bindNull(…, type))"
                + " before running it");
    }

    static IllegalArgumentException nativeUnusedBindings(String sql, List<String> unused, List<String> parameters) {
        return new IllegalArgumentException("the native query " + truncated(sql) + " has no parameter " + unused
                + " (its parameters are " + parameters + "); check the spelling, or remove the binding");
    }

    static IllegalArgumentException nativeMixedParameters(String sql) {
        return new IllegalArgumentException("the native query " + truncated(sql) + " mixes named (:name) and positional"
                + " ($n) parameters; write all of them one way");
    }

    static IllegalArgumentException nativeMissingColumn(EntityMapping mapping, String column, List<String> labels) {
        return new IllegalArgumentException("the native query's rows have no column \"" + column + "\", which "
                + mapping.name() + " needs (its row has " + labels + "); select every column of the entity, as"
                + " SELECT t.* does, or read the rows as NativeQuery.rows(…) or tuples(…)");
    }

    private static String truncated(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return "\"" + (flat.length() > 200 ? flat.substring(0, 200) + "…" : flat) + "\"";
    }

    private static String describe(Order order) {
        String what = order.expression() instanceof Expression.Property property ? property.path() : order.expression().name();
        return what + " " + order.direction();
    }

    private static String describe(ResolvedColumn target) {
        String property = target.owner().name() + "." + target.column().property();
        return target.path().contains(".") ? "\"" + target.path() + "\" (" + property + ")" : property;
    }

    private static List<String> relationshipNames(EntityMapping mapping) {
        return mapping.relationships().stream().map(RelationshipMapping::name).toList();
    }

    /** "; did you mean "x"? I" or "; i": the caller appends the rest of the sentence. */
    private static String suggestion(String name, List<String> candidates) {
        String closest = null;
        int best = MAX_SUGGESTION_DISTANCE + 1;
        for (String candidate : candidates) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        return closest == null ? "; i" : "; did you mean \"" + closest + "\"? I";
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
