package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Expression;
import io.valence.orm.query.Lock;
import io.valence.orm.query.LoadOption;
import io.valence.orm.query.Order;
import io.valence.orm.query.Projection;
import io.valence.orm.query.Select;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Renders {@link Select}s for PostgreSQL: the main query, its select-in follow-ups, counts and
 * reads by id. Thread-safe; the text of each query shape (the query without its values) is rendered
 * once and reused, so equal shapes return the same string. Every name is checked against the
 * metamodel and every value converted before a statement is returned: a wrong name or value
 * throws {@link IllegalArgumentException} here, before any SQL runs.
 */
public final class SelectRenderer {
    /** Beyond this many shapes, new ones are rendered each time rather than cached (memory stays bounded). */
    private static final int MAX_CACHED_SHAPES = 4096;

    private final Metamodel metamodel;
    private final Map<ShapeKey, SelectTemplate> templates = new ConcurrentHashMap<>();
    private final Map<ProjectionKey, ProjectionWriter.Template> projections = new ConcurrentHashMap<>();
    private final Map<EntityMapping, String> byIdTexts = new ConcurrentHashMap<>();

    /** What decides the text of a query: everything but its values. */
    private record ShapeKey(
            Class<?> type,
            Condition where,
            List<String> joins,
            List<LoadOption> loads,
            List<Order> orders,
            boolean limit,
            boolean offset,
            boolean count,
            Lock lock) {}

    /** What decides the text of a projection: everything but its values. */
    private record ProjectionKey(
            ShapeKey source,
            Class<?> resultType,
            Projection.Into into,
            List<Expression> selections,
            List<String> groupBy,
            Condition having,
            boolean distinct) {}

    /**
     * Creates a renderer for the entities of a metamodel.
     *
     * @param metamodel the mapped entities
     */
    public SelectRenderer(Metamodel metamodel) {
        this.metamodel = Objects.requireNonNull(metamodel, "metamodel must not be null");
    }

    /**
     * Renders a query with its values bound.
     *
     * @param select the query
     * @return the statement, the layout of its rows and its select-in follow-ups
     * @throws IllegalArgumentException for an unknown property or relationship, or a value that does
     *     not fit its column (the message says which and what to do)
     * @throws io.valence.orm.MappingException if the queried class is not mapped
     */
    public RenderedSelect render(Select<?> select) {
        Objects.requireNonNull(select, "select must not be null");
        ConditionSplit where = ConditionSplit.of(select.where().orElse(null));
        ShapeKey key = new ShapeKey(select.entityType(), where.shape(), select.joins(), select.loadOptions(),
                select.orders(), select.limit().isPresent(), select.offset().isPresent(), false, select.lock().orElse(null));
        SelectTemplate template = cached(templates, key, () -> SelectWriter.select(metamodel, select, where.shape()));
        return template.bind(valuesOf(select, where));
    }

    /**
     * Renders a projection with its values bound.
     *
     * @param projection the projection
     * @return the statement, the columns of its rows and how they become results
     * @throws IllegalArgumentException for an unknown property, an aggregate that does not fit its
     *     property's type, a result type that cannot take the selections, a value that does not fit,
     *     or a lock over groups (the message says which and what to do)
     * @throws io.valence.orm.MappingException if the queried class is not mapped
     */
    public RenderedProjection project(Projection<?> projection) {
        Objects.requireNonNull(projection, "projection must not be null");
        Select<?> source = projection.source();
        ConditionSplit conditions = ConditionSplit.of(source.where().orElse(null), projection.having().orElse(null));
        ShapeKey sourceKey = new ShapeKey(source.entityType(), conditions.shapes().get(0), source.joins(),
                source.loadOptions(), source.orders(), source.limit().isPresent(), source.offset().isPresent(), false,
                source.lock().orElse(null));
        ProjectionKey key = new ProjectionKey(sourceKey, projection.resultType(), projection.into(),
                projection.selections(), projection.groupBy(), conditions.shapes().get(1), projection.isDistinct());
        ProjectionWriter.Template template =
                cached(projections, key, () -> ProjectionWriter.write(metamodel, projection, conditions));
        return template.bind(valuesOf(source, conditions));
    }

    /**
     * Renders {@code SELECT count(*)} over the rows a query matches, with its joins and conditions;
     * orders, limit, offset and load options are left out. With a join to a collection it counts
     * distinct roots.
     *
     * @param select the query
     * @return the statement; its one row holds one bigint
     * @throws IllegalArgumentException as {@link #render(Select)}
     */
    public SqlStatement count(Select<?> select) {
        Objects.requireNonNull(select, "select must not be null");
        ConditionSplit where = ConditionSplit.of(select.where().orElse(null));
        ShapeKey key = new ShapeKey(
                select.entityType(), where.shape(), select.joins(), List.of(), List.of(), false, false, true, null);
        SelectTemplate template = cached(templates, key, () -> SelectWriter.count(metamodel, select, where.shape()));
        return template.bind(new QueryValues(where.values(), null, null)).statement();
    }

    /**
     * Renders the read of one row by id: {@code SELECT <columns> FROM "t" AS t0 WHERE t0."id" = $1},
     * the columns in mapping order; by a composite key {@code WHERE (t0."a", t0."b") = ($1, $2)}.
     *
     * @param mapping the entity
     * @param id the id, of the id's Java type
     * @return the statement
     * @throws IllegalArgumentException if {@code id} is not of the id's Java type (the message names it)
     */
    public SqlStatement byId(EntityMapping mapping, Object id) {
        Objects.requireNonNull(mapping, "mapping must not be null");
        Objects.requireNonNull(id, "id must not be null");
        String sql = byIdTexts.computeIfAbsent(mapping, m -> SelectWriter.byId(metamodel, m));
        List<SqlStatement.Bind> key = mapping.key().isComposite() ? BindValues.keyParts(mapping, id)
                : List.of(BindValues.id(mapping, id));
        List<SqlStatement.Bind> filter = DiscriminatorFilter.binds(mapping); // a subclass of a hierarchy: its rows only
        if (filter.isEmpty()) {
            return new SqlStatement(sql, key);
        }
        List<SqlStatement.Bind> binds = new java.util.ArrayList<>(key);
        binds.addAll(filter);
        return new SqlStatement(sql, binds);
    }

    private static <K, V> V cached(Map<K, V> templates, K key, Supplier<V> writer) {
        V cached = templates.get(key);
        if (cached != null) {
            return cached;
        }
        V written = writer.get();
        if (templates.size() >= MAX_CACHED_SHAPES) {
            return written;
        }
        V raced = templates.putIfAbsent(key, written);
        return raced != null ? raced : written;
    }

    private static QueryValues valuesOf(Select<?> select, ConditionSplit conditions) {
        return new QueryValues(
                conditions.values(),
                select.limit().isPresent() ? select.limit().getAsLong() : null,
                select.offset().isPresent() ? select.offset().getAsLong() : null);
    }
}
