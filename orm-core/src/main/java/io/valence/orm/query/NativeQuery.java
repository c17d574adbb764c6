package io.valence.orm.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A SELECT written by hand, with its parameters bound by name ({@code :name}) or by position
 * ({@code $1}), read as entities through the session's identity map, or as records, {@link Tuple}s
 * or single values: SQLAlchemy's {@code select(User).from_statement(text(…))}, Django's
 * {@code raw()}. Run it with {@code session.rows(query)}.
 *
 * <pre>{@code
 * NativeQuery<Child> recent = NativeQuery.entities(Child.class,
 *                 "SELECT c.* FROM child c JOIN parent p ON p.id = c.parent_id WHERE p.value = :parent AND c.id > :after")
 *         .bind("parent", "p1")
 *         .bind("after", 100L);
 * NativeQuery<Tuple> report = NativeQuery.tuples("SELECT status, count(*) AS n FROM sale WHERE region = $1 GROUP BY status")
 *         .bind(1, "north");
 * }</pre>
 *
 * <p><b>Parameters</b> are written {@code :name} (a Java identifier; {@code ::type} casts are left
 * alone) or {@code $n}, not both in one statement; text in quotes, quoted identifiers,
 * dollar-quoted strings and comments is never read as a parameter. Every parameter must be bound
 * and every binding used: a missing or unknown one fails when the session is asked to run the
 * query, before any SQL. Values are bound as they are (the driver picks the SQL type by the Java
 * type); an entity binds its id and an enum its name. Values are never spliced into the text.
 *
 * <p><b>Entities</b>: the result must have a column for every column of the entity, by name (as
 * {@code SELECT t.*} gives); other columns are ignored. Each row passes through the identity map: a
 * row of an object already in the session returns that object, with its in-memory state, unless the
 * query asks for {@link #populateExisting()}. <b>Records</b> take the columns by label, matched to
 * their components ignoring case and underscores ({@code customer_name} fills {@code customerName}).
 *
 * <p>Immutable: every call returns a new query. Equality is structural.
 *
 * @param <R> what each row becomes
 */
public final class NativeQuery<R> {
    private final String sql;
    private final Class<R> resultType;
    private final Projection.Into into;
    private final Map<Object, Object> bindings;
    private final boolean populateExisting;

    private NativeQuery(
            String sql, Class<R> resultType, Projection.Into into, Map<Object, Object> bindings, boolean populateExisting) {
        this.sql = sql;
        this.resultType = resultType;
        this.into = into;
        this.bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
        this.populateExisting = populateExisting;
    }

    /**
     * A query whose rows are entities of {@code type}, loaded through the identity map.
     *
     * @param type a mapped entity class
     * @param sql a SELECT returning every column of the entity
     * @param <T> the entity type
     * @return the query, no parameter bound yet
     */
    public static <T> NativeQuery<T> entities(Class<T> type, String sql) {
        return new NativeQuery<>(requireSql(sql), Objects.requireNonNull(type, "type must not be null"), null, Map.of(), false);
    }

    /**
     * A query whose rows become instances of a record (or class) by constructor, columns matched to
     * components by label.
     *
     * @param type the record or class
     * @param sql a SELECT
     * @param <R> the row type
     * @return the query
     */
    public static <R> NativeQuery<R> rows(Class<R> type, String sql) {
        Objects.requireNonNull(type, "type must not be null");
        return new NativeQuery<>(requireSql(sql), type, Projection.Into.CONSTRUCTOR, Map.of(), false);
    }

    /**
     * A query whose rows are {@link Tuple}s named by their column labels.
     *
     * @param sql a SELECT
     * @return the query
     */
    public static NativeQuery<Tuple> tuples(String sql) {
        return new NativeQuery<>(requireSql(sql), Tuple.class, Projection.Into.TUPLE, Map.of(), false);
    }

    /**
     * A query of one column, each row becoming its value.
     *
     * @param type the value's type (or a supertype)
     * @param sql a SELECT of one column
     * @param <V> the value type
     * @return the query
     */
    public static <V> NativeQuery<V> value(Class<V> type, String sql) {
        Objects.requireNonNull(type, "type must not be null");
        return new NativeQuery<>(requireSql(sql), type, Projection.Into.VALUE, Map.of(), false);
    }

    /**
     * Binds a named parameter, {@code :name}; replaces an earlier binding of the name.
     *
     * @param name the parameter's name, without the colon
     * @param value the value, not null (use {@link #bindNull(String, Class)})
     * @return a new query with the binding
     */
    public NativeQuery<R> bind(String name, Object value) {
        PropertyNames.requireName(name, "parameter name");
        return with(name, requireValue(value, ":" + name));
    }

    /**
     * Binds a positional parameter, {@code $position}; replaces an earlier binding of the position.
     *
     * @param position the parameter's number, from 1
     * @param value the value, not null (use {@link #bindNull(int, Class)})
     * @return a new query with the binding
     */
    public NativeQuery<R> bind(int position, Object value) {
        return with(requirePosition(position), requireValue(value, "$" + position));
    }

    /**
     * Binds SQL NULL, typed, to a named parameter.
     *
     * @param name the parameter's name
     * @param type the Java type whose SQL type the NULL has, such as {@code String.class}
     * @return a new query with the binding
     */
    public NativeQuery<R> bindNull(String name, Class<?> type) {
        PropertyNames.requireName(name, "parameter name");
        return with(name, new Null(Objects.requireNonNull(type, "type must not be null")));
    }

    /**
     * Binds SQL NULL, typed, to a positional parameter.
     *
     * @param position the parameter's number, from 1
     * @param type the Java type whose SQL type the NULL has
     * @return a new query with the binding
     */
    public NativeQuery<R> bindNull(int position, Class<?> type) {
        return with(requirePosition(position), new Null(Objects.requireNonNull(type, "type must not be null")));
    }

    /**
     * Lets the rows overwrite the state of entities already in the session (SQLAlchemy's
     * {@code populate_existing}); for an entity query only.
     *
     * @return a new query that populates existing instances
     * @throws IllegalStateException if the query does not read entities
     */
    public NativeQuery<R> populateExisting() {
        if (into != null) {
            throw new IllegalStateException("populateExisting() refreshes entities, but this query reads "
                    + resultType.getSimpleName() + " rows; start it with NativeQuery.entities(…)");
        }
        return new NativeQuery<>(sql, resultType, into, bindings, true);
    }

    /**
     * A typed SQL NULL, as a binding holds it.
     *
     * @param type the Java type whose SQL type the NULL has
     */
    public record Null(Class<?> type) {}

    /**
     * The SQL text, as written.
     *
     * @return the text
     */
    public String sql() {
        return sql;
    }

    /**
     * The type each row becomes: the entity class, or the record, tuple or value type.
     *
     * @return the result type
     */
    public Class<R> resultType() {
        return resultType;
    }

    /**
     * Whether rows are entities of {@link #resultType()}.
     *
     * @return true for a query made by {@link #entities}
     */
    public boolean readsEntities() {
        return into == null;
    }

    /**
     * How a row becomes a result, for a query that does not read entities.
     *
     * @return the kind of result, or null for entities
     */
    public Projection.Into into() {
        return into;
    }

    /**
     * The bindings: names ({@code String}) or positions ({@code Integer}) to values, a {@link Null} for a NULL.
     *
     * @return an unmodifiable map, in the order bound
     */
    public Map<Object, Object> bindings() {
        return bindings;
    }

    /**
     * Whether rows overwrite entities already in the session.
     *
     * @return true after {@link #populateExisting()}
     */
    public boolean isPopulateExisting() {
        return populateExisting;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NativeQuery<?> query
                && sql.equals(query.sql)
                && resultType == query.resultType
                && into == query.into
                && bindings.equals(query.bindings)
                && populateExisting == query.populateExisting;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sql, resultType, into, bindings, populateExisting);
    }

    @Override
    public String toString() {
        // bound values stay out: they may be secrets
        return "NativeQuery[" + sql + ", bound " + bindings.keySet() + "]";
    }

    private NativeQuery<R> with(Object key, Object value) {
        Map<Object, Object> more = new LinkedHashMap<>(bindings);
        more.put(key, value);
        return new NativeQuery<>(sql, resultType, into, more, populateExisting);
    }

    private static String requireSql(String sql) {
        Objects.requireNonNull(sql, "sql must not be null");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("sql must not be blank");
        }
        return sql;
    }

    private static Object requireValue(Object value, String parameter) {
        if (value == null) {
            throw new IllegalArgumentException("the value for " + parameter + " is null, and an untyped NULL cannot be"
                    + " bound; use bindNull(…, type), for example bindNull(\"name\", String.class)");
        }
        return value;
    }

    private static Integer requirePosition(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("parameter positions start at 1 ($1), was " + position);
        }
        return position;
    }
}
