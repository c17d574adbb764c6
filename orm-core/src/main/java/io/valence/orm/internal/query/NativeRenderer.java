package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.internal.sql.SqlStatement.Bind;
import io.valence.orm.query.NativeQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Prepares {@link NativeQuery}s: finds their parameters ({@link NativeSql}), checks that every one is
 * bound and every binding used, and binds the values (an entity as its id, an enum as its name,
 * anything else as it is, typed by its class). Fails before any SQL. Pure and thread-safe.
 */
public final class NativeRenderer {
    private final Metamodel metamodel;

    /**
     * Creates a renderer for the entities of a metamodel.
     *
     * @param metamodel the mapped entities
     */
    public NativeRenderer(Metamodel metamodel) {
        this.metamodel = Objects.requireNonNull(metamodel, "metamodel must not be null");
    }

    /**
     * Prepares a native query.
     *
     * @param query the query
     * @return the statement and how its rows are read
     * @throws IllegalArgumentException for a parameter without a binding, a binding without a
     *     parameter, or named and positional parameters in one statement
     * @throws io.valence.orm.MappingException if an entity query's class is not mapped
     */
    public RenderedNative render(NativeQuery<?> query) {
        Objects.requireNonNull(query, "query must not be null");
        EntityMapping entity = query.readsEntities() ? metamodel.entity(query.resultType()) : null;
        NativeSql.Parsed parsed = NativeSql.parse(query.sql());
        Set<Object> unused = new LinkedHashSet<>(query.bindings().keySet());
        List<Object> missing = new ArrayList<>();
        List<Bind> binds = new ArrayList<>();
        for (Object parameter : parsed.parameters()) {
            unused.remove(parameter);
            if (!query.bindings().containsKey(parameter)) {
                missing.add(parameter);
            } else {
                binds.add(bind(query.bindings().get(parameter)));
            }
        }
        if (!missing.isEmpty()) {
            throw QueryErrors.nativeMissingParameters(query.sql(), marked(missing), marked(query.bindings().keySet()));
        }
        if (!unused.isEmpty()) {
            throw QueryErrors.nativeUnusedBindings(query.sql(), marked(unused), marked(parsed.parameters()));
        }
        return new RenderedNative(new SqlStatement(parsed.sql(), binds), entity, query.into(), query.resultType(),
                query.isPopulateExisting());
    }

    private Bind bind(Object value) {
        if (value instanceof NativeQuery.Null nullValue) {
            return new Bind(null, nullValue.type());
        }
        if (value instanceof Enum<?> constant) {
            return new Bind(constant.name(), String.class);
        }
        EntityMapping mapping = metamodel.find(value.getClass());
        if (mapping != null) {
            Object id = mapping.idOf(value);
            if (id == null) {
                throw QueryErrors.pendingReference(mapping);
            }
            if (mapping.key().isComposite()) {
                throw QueryErrors.compositeKeyParameter(mapping);
            }
            return new Bind(mapping.id().type().toDriver(id), mapping.id().type().driverType());
        }
        return new Bind(value, value.getClass());
    }

    /** Parameters as they are written: {@code :name} or {@code $n}. */
    private static List<String> marked(Iterable<?> parameters) {
        List<String> marked = new ArrayList<>();
        parameters.forEach(parameter -> marked.add(parameter instanceof Integer ? "$" + parameter : ":" + parameter));
        return marked;
    }
}
