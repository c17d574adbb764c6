package io.valence.orm.internal.mapping;

import io.valence.orm.MappingException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every entity mapping of one factory, immutable after build. Looks up mappings by class and by table. */
public final class Metamodel {
    private final Map<Class<?>, EntityMapping> byType;
    private final Map<String, EntityMapping> byTable = new LinkedHashMap<>();
    private final MappingOptions options;

    Metamodel(Map<Class<?>, EntityMapping> byType, MappingOptions options) {
        this.options = options;
        // Registration order is kept so that everything derived from the model (DDL, messages) is deterministic.
        this.byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
        byType.values().forEach(mapping -> byTable.put(mapping.table(), mapping));
    }

    /**
     * Reads and validates the given entity classes.
     *
     * @param types the classes annotated with {@code @Entity}
     * @return the metamodel
     * @throws MappingException listing every problem found, each naming class, field and fix
     */
    public static Metamodel of(Collection<Class<?>> types) {
        return of(types, MappingOptions.defaults());
    }

    /**
     * Reads and validates the given entity classes with what the factory adds to the annotations.
     *
     * @param types the classes annotated with {@code @Entity}
     * @param options auto-applied converters and the UUID source
     * @return the metamodel
     * @throws MappingException listing every problem found, each naming class, field and fix
     */
    public static Metamodel of(Collection<Class<?>> types, MappingOptions options) {
        return new MetamodelReader(types, options).read();
    }

    /**
     * A new id for a {@code @GeneratedValue(strategy = UUID)} field.
     *
     * @return a UUID from the factory's source (time-ordered, version 7, in a session factory)
     */
    public java.util.UUID newUuid() {
        return options.uuids().get();
    }

    /**
     * The mapping of a class.
     *
     * @param type an entity class (a subclass of one is looked up by its mapped superclass chain)
     * @return the mapping
     * @throws MappingException when the class is not among this factory's entities
     */
    public EntityMapping entity(Class<?> type) {
        EntityMapping mapping = find(type);
        if (mapping == null) {
            throw MappingException.notMapped(type);
        }
        return mapping;
    }

    /**
     * The mapping of a class, if it is mapped.
     *
     * @param type any class
     * @return the mapping, or {@code null}
     */
    public EntityMapping find(Class<?> type) {
        EntityMapping mapping = byType.get(type);
        // Proxying frameworks and anonymous subclasses still resolve to the mapped class.
        for (Class<?> current = type; mapping == null && current != null; current = current.getSuperclass()) {
            mapping = byType.get(current);
        }
        return mapping;
    }

    /**
     * The entity mapped to a table.
     *
     * @param table the table name as PostgreSQL reports it
     * @return the mapping, or {@code null}
     */
    public EntityMapping byTable(String table) {
        return byTable.get(table);
    }

    /** @return every mapping, in the order the classes were registered */
    public Collection<EntityMapping> entities() {
        return byType.values();
    }
}
