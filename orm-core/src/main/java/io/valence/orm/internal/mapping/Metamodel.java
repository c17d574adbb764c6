package io.valence.orm.internal.mapping;

import io.valence.orm.MappingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every entity mapping of one factory, immutable after build. Looks up mappings by class and by table. */
public final class Metamodel {
    private final Map<Class<?>, EntityMapping> byType;
    private final Map<String, EntityMapping> byTable = new LinkedHashMap<>();
    private final MappingOptions options;
    /** The mappings of classes with instances of their own: all but the views of abstract classes in a hierarchy. */
    private final List<EntityMapping> concrete = new ArrayList<>();

    Metamodel(Map<Class<?>, EntityMapping> byType, MappingOptions options) {
        this.options = options;
        // Registration order is kept so that everything derived from the model (DDL, messages) is deterministic.
        this.byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
        for (EntityMapping mapping : byType.values()) {
            InheritanceMapping inheritance = mapping.inheritance();
            if (inheritance != null && inheritance.isJoined()) {
                if (inheritance.root() == mapping.type()) { // the root's view reads every table of the hierarchy
                    inheritance.tables().forEach(table -> byTable.put(table.table(), table));
                }
            } else if (inheritance == null || inheritance.root() == mapping.type()) { // a hierarchy's table is its root's
                byTable.put(mapping.table(), mapping);
            }
            if (inheritance == null || !inheritance.isView()) {
                concrete.add(mapping);
            }
        }
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

    /**
     * The mappings of the classes whose objects a session holds: every entity but the abstract
     * classes of an inheritance hierarchy (whose mappings are views over their subclasses).
     *
     * @return the mappings, in the order the classes were registered (entities after those they extend)
     */
    public Collection<EntityMapping> entities() {
        return Collections.unmodifiableList(concrete);
    }

    /**
     * One mapping per table, for the schema: a {@code SINGLE_TABLE} hierarchy's table is its root's
     * view, which holds every subclass's columns; a {@code JOINED} hierarchy has one mapping per
     * table, each subclass's with its key and own columns ({@link EntityMapping#primaryTable}).
     *
     * @return the mappings, in the order the classes were registered
     */
    public Collection<EntityMapping> tables() {
        return Collections.unmodifiableCollection(byTable.values());
    }

    /**
     * The mappings of the classes whose objects a reference of a type can hold.
     *
     * @param type an entity class
     * @return its own mapping, or for a class of a hierarchy the concrete mappings at or below it
     */
    public List<EntityMapping> concreteOf(Class<?> type) {
        return concrete.stream().filter(mapping -> type.isAssignableFrom(mapping.type())).toList();
    }
}
