package io.valence.orm.internal.mapping;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one entity class: its table, columns, key and indexes, adding each problem to a shared list;
 * its {@link RelationshipReader} reads the relationships.
 */
final class EntityReader {
    private final Class<?> type;
    private final List<String> problems;
    private String table;
    private final List<ColumnMapping> columns = new ArrayList<>();
    private final List<IndexMapping> indexes = new ArrayList<>();
    /** Declaration order by property name (a relationship's name for its foreign key), the id put first later. */
    private final Map<String, Integer> positions = new HashMap<>();
    /** The persistent fields of the entity and its mapped superclasses, for finding mappedBy targets. */
    private final List<Field> fields = new ArrayList<>();
    private final ColumnTypes types;
    private IdGeneration idGeneration = IdGeneration.ASSIGNED;
    private LifecycleCallbacks callbacks = LifecycleCallbacks.NONE;
    private MethodHandle constructor;
    private KeyMapping compositeKey;
    /** The reader of the entity this one extends in a SINGLE_TABLE hierarchy, or null. */
    private EntityReader parent;
    private boolean sharesTable;
    /** The classes whose fields and callbacks are the entity's, the topmost first. */
    private final List<Class<?>> classes = new ArrayList<>();
    private final RelationshipReader relationshipReader;

    EntityReader(Class<?> type, List<String> problems, ColumnTypes types) {
        this.type = type;
        this.problems = problems;
        this.types = types;
        this.relationshipReader = new RelationshipReader(this, problems);
        Table tableAnnotation = type.getAnnotation(Table.class);
        this.table = tableAnnotation != null && !tableAnnotation.name().isEmpty()
                ? tableAnnotation.name()
                : NamingStrategy.snakeCase(type.getSimpleName());
    }

    Class<?> type() {
        return type;
    }

    String table() {
        return table;
    }

    /**
     * Makes this entity a subclass of {@code parent}'s: it starts from the parent's id, columns and
     * relationships (the same objects, so that both mappings find them). In the parent's table
     * ({@code SINGLE_TABLE}) its own fields map to nullable columns, as the rows of other subclasses
     * leave them empty; in a table of its own ({@code JOINED}) they keep their nullability. Called
     * before {@link #readOwnFields}, once the parent has read its own.
     */
    void extend(EntityReader parent, boolean sharesTable) {
        this.parent = parent;
        this.sharesTable = sharesTable;
        if (sharesTable) {
            this.table = parent.table;
        }
    }

    /** @return whether the entity's rows are in its parent's table, as in a {@code SINGLE_TABLE} hierarchy */
    boolean sharesTable() {
        return sharesTable;
    }

    EntityReader parent() {
        return parent;
    }

    List<ColumnMapping> columns() {
        return columns;
    }

    List<RelationshipMapping> relationships() {
        return relationshipReader.relationships();
    }

    List<IndexMapping> indexes() {
        return indexes;
    }

    /** @return the persistent fields of the entity and its mapped superclasses */
    List<Field> fields() {
        return fields;
    }

    void readOwnFields() {
        if (!MappingSubset.checkClass(type, problems)) {
            return;
        }
        if (!Modifier.isAbstract(type.getModifiers())) {
            readConstructor(); // an abstract class of a hierarchy has no instances of its own
        }
        List<Class<?>> mappedClasses = mappedClasses();
        ColumnReader columnReader = new ColumnReader(type, problems, types);
        List<ColumnMapping> ids = new ArrayList<>();
        Field embeddedId = null;
        if (parent != null) {
            classes.addAll(parent.classes);
            columns.addAll(parent.columns);
            fields.addAll(parent.fields);
            positions.putAll(parent.positions);
            idGeneration = parent.idGeneration;
            parent.columns.stream().filter(column -> column.role() == ColumnMapping.Role.ID).forEach(ids::add);
        }
        classes.addAll(mappedClasses);
        for (Class<?> declaring : mappedClasses) {
            for (Field field : declaring.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()
                        || field.isAnnotationPresent(Transient.class) || Modifier.isTransient(field.getModifiers())) {
                    continue;
                }
                if (!MappingSubset.checkField(field, where(field), problems)) {
                    continue;
                }
                if (Modifier.isFinal(field.getModifiers())) {
                    problem(where(field) + " is final, so Valence cannot set it when loading rows; make it non-final,"
                            + " or mark it @Transient");
                    continue;
                }
                fields.add(field);
                if (RelationshipReader.isRelationship(field)) {
                    positions.put(field.getName(), positions.size());
                    relationshipReader.read(field);
                    continue;
                }
                embeddedId = field.isAnnotationPresent(EmbeddedId.class) ? field : embeddedId;
                for (ColumnMapping read : columnReader.read(field)) {
                    ColumnMapping column = !sharesTable || read.nullable() ? read : new ColumnMapping(read.property(),
                            read.column(), read.type(), true, read.unique(), read.role(), read.accessor());
                    positions.put(column.property(), positions.size());
                    columns.add(column);
                    if (column.role() == ColumnMapping.Role.ID) {
                        ids.add(column);
                        if (column.accessor().holder() == null) {
                            readIdGeneration(field);
                        }
                    } else if (column.role() == ColumnMapping.Role.VERSION && !isIntegral(field.getType())) {
                        problem(where(field) + " is @Version but has type " + field.getType().getSimpleName()
                                + "; use long, int or short (or Long/Integer/Short)");
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            problem(type.getSimpleName() + " has no @Id field; annotate its primary key field with @Id (and"
                    + " @GeneratedValue(strategy = IDENTITY) for a database-generated key)");
        } else if (parent != null) {
            compositeKey = parent.compositeKey; // a subclass has its root's key
        } else {
            compositeKey = new CompositeKeyReader(type, problems).read(ids, embeddedId,
                    idGeneration != IdGeneration.ASSIGNED);
        }
        callbacks = CallbackReader.read(type, classes, problems);
    }

    /**
     * The classes whose fields are the entity's: its {@code @MappedSuperclass} ancestors from the
     * top down, then the entity itself. Any other superclass but Object is reported.
     */
    private List<Class<?>> mappedClasses() {
        List<Class<?>> classes = new ArrayList<>();
        classes.add(type);
        Class<?> superclass = type.getSuperclass();
        while (superclass != null && superclass.isAnnotationPresent(MappedSuperclass.class)) {
            MappingSubset.checkMappedSuperclass(superclass, type, problems);
            classes.add(0, superclass);
            superclass = superclass.getSuperclass();
        }
        if (superclass != null && superclass != Object.class && (parent == null || superclass != parent.type)) {
            problem(superclass.isAnnotationPresent(Entity.class)
                    ? type.getSimpleName() + " extends the entity " + superclass.getSimpleName() + ", which is not among"
                            + " this factory's entities; add it with entities(" + superclass.getSimpleName()
                            + ".class) or scanPackages(\"" + superclass.getPackageName() + "\")"
                    : type.getSimpleName() + " extends " + superclass.getSimpleName() + ", which is neither an @Entity"
                            + " nor a @MappedSuperclass; annotate " + superclass.getSimpleName() + " with"
                            + " @MappedSuperclass (its fields become " + type.getSimpleName() + "'s) or @Entity (a"
                            + " SINGLE_TABLE hierarchy), or extend Object");
        }
        return classes;
    }

    private void readConstructor() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            problem(type.getSimpleName() + " has no no-arg constructor, so Valence cannot create instances when it"
                    + " loads rows; add one (any visibility, e.g. `protected " + type.getSimpleName() + "() {}`)");
        }
    }

    private static boolean isIntegral(Class<?> type) {
        Class<?> boxed = ColumnTypeResolver.boxed(type);
        return boxed == Long.class || boxed == Integer.class || boxed == Short.class;
    }

    private void readIdGeneration(Field field) {
        if (!ColumnTypeResolver.isSupportedIdType(field.getType())) {
            problem(where(field) + " is the @Id but has type " + field.getType().getSimpleName()
                    + "; ids must be long, int, short, String or UUID");
        }
        GeneratedValue generated = field.getAnnotation(GeneratedValue.class);
        if (generated == null) {
            return;
        }
        if (generated.strategy() == GenerationType.UUID) {
            if (field.getType() != java.util.UUID.class) {
                problem(where(field) + " uses @GeneratedValue(strategy = UUID) but has type "
                        + field.getType().getSimpleName() + "; declare it as java.util.UUID");
            }
            idGeneration = IdGeneration.UUID;
            return;
        }
        if (!isIntegral(field.getType())) {
            problem(where(field) + " is @GeneratedValue but has type " + field.getType().getSimpleName()
                    + "; generated ids must be long, int or short: use one of those, or assign the id yourself");
        }
        if (generated.strategy() == GenerationType.IDENTITY || generated.strategy() == GenerationType.AUTO) {
            idGeneration = new IdGeneration(IdGeneration.Strategy.IDENTITY, null, 1);
        } else if (generated.strategy() == GenerationType.SEQUENCE) {
            SequenceGenerator generator = findSequenceGenerator(field, generated.generator());
            String sequence = generator != null && !generator.sequenceName().isEmpty()
                    ? generator.sequenceName() : table + "_" + NamingStrategy.snakeCase(field.getName()) + "_seq";
            int allocation = generator != null ? generator.allocationSize() : 50;
            if (allocation < 1) {
                problem(where(field) + " uses @SequenceGenerator(allocationSize = " + allocation + "); the sequence"
                        + " increment must be at least 1: use 1 to fetch one id per call, or more to reserve ids in blocks");
            }
            idGeneration = new IdGeneration(IdGeneration.Strategy.SEQUENCE, sequence, Math.max(1, allocation));
        } else {
            problem(where(field) + " uses @GeneratedValue(strategy = " + generated.strategy()
                    + "), which Valence does not support; use IDENTITY, SEQUENCE or UUID");
        }
    }

    private SequenceGenerator findSequenceGenerator(Field field, String name) {
        for (SequenceGenerator candidate : new SequenceGenerator[] {
            field.getAnnotation(SequenceGenerator.class), type.getAnnotation(SequenceGenerator.class)}) {
            if (candidate != null && (name.isEmpty() || candidate.name().equals(name))) {
                return candidate;
            }
        }
        if (!name.isEmpty()) {
            problem(where(field) + " names generator \"" + name + "\", but no @SequenceGenerator(name = \"" + name
                    + "\") is on the field or the class; declare it there");
        }
        return null;
    }

    void resolveRelationships(Map<Class<?>, EntityReader> readers) {
        relationshipReader.resolve(readers);
        // Foreign key columns were appended last: put every column back in declaration order, the id first.
        columns.sort(Comparator.comparing((ColumnMapping column) -> column.role() != ColumnMapping.Role.ID)
                .thenComparing(column -> positions.getOrDefault(column.property(), Integer.MAX_VALUE)));
        checkColumnNamesAreDistinct();
        // Declared indexes are read after the foreign keys exist, so validation sees every column name.
        indexes.addAll(new IndexReader(this, problems).read());
    }

    private void checkColumnNamesAreDistinct() {
        Map<String, ColumnMapping> byName = new HashMap<>();
        for (ColumnMapping column : columns) {
            ColumnMapping previous = byName.putIfAbsent(column.column(), column);
            if (previous != null) {
                problem(type.getSimpleName() + "." + previous.property() + " and " + type.getSimpleName() + "."
                        + column.property() + " both map to column \"" + column.column() + "\" of table \"" + table
                        + "\"; give one of them another name with @Column(name = …) (or @JoinColumn(name = …) for a"
                        + " relationship), or mark the duplicate @Transient");
            }
        }
    }

    boolean hasColumn(String name) {
        return columns.stream().anyMatch(column -> column.column().equals(name));
    }

    ColumnMapping idColumn() {
        return columns.stream().filter(c -> c.role() == ColumnMapping.Role.ID).findFirst().orElse(null);
    }

    Field findField(String name) {
        return fields.stream().filter(field -> field.getName().equals(name)).findFirst().orElse(null);
    }

    EntityMapping toMapping() {
        return toMapping(columns, relationships());
    }

    /** The mapping with other columns and relationships than those read: a hierarchy's discriminator and subclasses. */
    EntityMapping toMapping(List<ColumnMapping> columns, List<RelationshipMapping> relationships) {
        return toMapping(table, columns, relationships, idGeneration, compositeKey);
    }

    /** A mapping over another table: a {@code JOINED} class as its root's table names it, or one table of the class. */
    EntityMapping toMapping(String table, List<ColumnMapping> columns, List<RelationshipMapping> relationships,
            IdGeneration idGeneration, KeyMapping key) {
        return new EntityMapping(type, table, columns, idGeneration, relationships, indexes, constructor, callbacks, key);
    }

    /** @return the composite key read, or null for a single {@code @Id} */
    KeyMapping compositeKey() {
        return compositeKey;
    }

    /** @return the id generation of the root's key */
    IdGeneration idGeneration() {
        return idGeneration;
    }

    private void problem(String message) {
        problems.add(message);
    }

    /** @return the field as messages name it ({@code Line.order}) */
    String where(Field field) {
        return type.getSimpleName() + "." + field.getName();
    }
}
