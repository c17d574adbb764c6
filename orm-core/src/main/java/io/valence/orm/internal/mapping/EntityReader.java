package io.valence.orm.internal.mapping;

import jakarta.persistence.CascadeType;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one entity class: its table, columns and relationships, adding each problem to a shared list. */
final class EntityReader {
    private final Class<?> type;
    private final List<String> problems;
    private String table;
    private final List<ColumnMapping> columns = new ArrayList<>();
    private final List<PendingRelationship> pendingRelationships = new ArrayList<>();
    private final List<RelationshipMapping> relationships = new ArrayList<>();
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

    /** A relationship read from its field, waiting for the target's mapping to be known. */
    private record PendingRelationship(Field field, RelationshipMapping.Kind kind, Class<?> target, String mappedBy,
            JoinColumn joinColumn, boolean optional, boolean cascadeRemove, boolean orphanRemoval, String orderBy,
            JoinTable joinTable) {}

    EntityReader(Class<?> type, List<String> problems, ColumnTypes types) {
        this.type = type;
        this.problems = problems;
        this.types = types;
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
        return relationships;
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
                if (isRelationship(field)) {
                    positions.put(field.getName(), positions.size());
                    readRelationship(field);
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

    private static boolean isRelationship(Field field) {
        return field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToMany.class)
                || field.isAnnotationPresent(OneToOne.class) || field.isAnnotationPresent(ManyToMany.class);
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

    private void readRelationship(Field field) {
        ManyToOne manyToOne = field.getAnnotation(ManyToOne.class);
        OneToMany oneToMany = field.getAnnotation(OneToMany.class);
        OneToOne oneToOne = field.getAnnotation(OneToOne.class);
        ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
        if (Arrays.stream(new Object[] {manyToOne, oneToMany, oneToOne, manyToMany}).filter(a -> a != null).count() > 1) {
            problem(where(field) + " has more than one of @ManyToOne, @OneToMany, @OneToOne and @ManyToMany; keep"
                    + " exactly one");
            return;
        }
        JoinColumn joinColumn = field.getAnnotation(JoinColumn.class);
        if (manyToMany != null) {
            readManyToMany(field, manyToMany);
        } else if (manyToOne != null) {
            pendingRelationships.add(new PendingRelationship(field, RelationshipMapping.Kind.MANY_TO_ONE, field.getType(),
                    null, joinColumn, manyToOne.optional(), cascadesRemove(manyToOne.cascade()), false, null, null));
        } else if (oneToMany != null) {
            readOneToMany(field, oneToMany, joinColumn);
        } else {
            String mappedBy = oneToOne.mappedBy().isEmpty() ? null : oneToOne.mappedBy();
            if (mappedBy != null && joinColumn != null) {
                problem(where(field) + " is the inverse side (mappedBy) of a @OneToOne and cannot have @JoinColumn;"
                        + " put @JoinColumn on the owning side");
            }
            pendingRelationships.add(new PendingRelationship(field, RelationshipMapping.Kind.ONE_TO_ONE, field.getType(),
                    mappedBy, joinColumn, oneToOne.optional(), cascadesRemove(oneToOne.cascade()), oneToOne.orphanRemoval(),
                    null, null));
        }
    }

    private void readOneToMany(Field field, OneToMany oneToMany, JoinColumn joinColumn) {
        if (joinColumn != null && !oneToMany.mappedBy().isEmpty()) {
            problem(where(field) + " is a @OneToMany with mappedBy and @JoinColumn; the foreign key column belongs to"
                    + " the @ManyToOne on the element class: move @JoinColumn there and keep @OneToMany(mappedBy = …)");
            return;
        }
        if (oneToMany.mappedBy().isEmpty() && joinColumn == null) {
            problem(where(field) + " is a @OneToMany without mappedBy or @JoinColumn; add a @ManyToOne field on the"
                    + " element class and write @OneToMany(mappedBy = \"thatField\"), or name the foreign key column"
                    + " on the element's table with @JoinColumn(name = …)");
            return;
        }
        if (field.getType() != List.class && field.getType() != Set.class && field.getType() != Collection.class) {
            problem(where(field) + " is a @OneToMany of type " + field.getType().getSimpleName()
                    + "; declare it as List, Set or Collection");
            return;
        }
        Class<?> element = elementType(field);
        if (element == null) {
            problem(where(field) + " is a @OneToMany without a concrete element type; declare it as e.g. List<Child>");
            return;
        }
        OrderBy orderBy = field.getAnnotation(OrderBy.class);
        pendingRelationships.add(new PendingRelationship(field, RelationshipMapping.Kind.ONE_TO_MANY, element,
                oneToMany.mappedBy().isEmpty() ? null : oneToMany.mappedBy(), joinColumn, true,
                cascadesRemove(oneToMany.cascade()), oneToMany.orphanRemoval(), orderBy == null ? null : orderBy.value(),
                null));
    }

    private void readManyToMany(Field field, ManyToMany manyToMany) {
        String mappedBy = manyToMany.mappedBy().isEmpty() ? null : manyToMany.mappedBy();
        JoinTable joinTable = field.getAnnotation(JoinTable.class);
        if (mappedBy != null && joinTable != null) {
            problem(where(field) + " is the inverse side (mappedBy) of a @ManyToMany and cannot have @JoinTable; put"
                    + " @JoinTable on the owning side");
            return;
        }
        if (cascadesRemove(manyToMany.cascade())) {
            problem(where(field) + " is a @ManyToMany with cascade REMOVE (or ALL), which would delete elements"
                    + " still linked to other rows; deleting a row already deletes its link rows: cascade PERSIST"
                    + " (or nothing) and delete elements yourself");
            return;
        }
        if (field.getType() != List.class && field.getType() != Set.class && field.getType() != Collection.class) {
            problem(where(field) + " is a @ManyToMany of type " + field.getType().getSimpleName()
                    + "; declare it as Set, List or Collection");
            return;
        }
        Class<?> element = elementType(field);
        if (element == null) {
            problem(where(field) + " is a @ManyToMany without a concrete element type; declare it as e.g. Set<Tag>");
            return;
        }
        OrderBy orderBy = field.getAnnotation(OrderBy.class);
        pendingRelationships.add(new PendingRelationship(field, RelationshipMapping.Kind.MANY_TO_MANY, element, mappedBy,
                null, true, false, false, orderBy == null ? null : orderBy.value(), joinTable));
    }

    static Class<?> elementType(Field field) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    private static boolean cascadesRemove(CascadeType[] cascades) {
        return Arrays.stream(cascades).anyMatch(c -> c == CascadeType.ALL || c == CascadeType.REMOVE);
    }

    void resolveRelationships(Map<Class<?>, EntityReader> readers) {
        if (parent != null) { // resolved before this one: share its relationships and foreign keys
            relationships.addAll(parent.relationships);
            parent.columns.stream().filter(ColumnMapping::isForeignKey).forEach(columns::add);
        }
        for (PendingRelationship pending : pendingRelationships) {
            EntityReader target = readers.get(pending.target());
            if (target == null) {
                reportUnknownTarget(pending);
                continue;
            }
            if (refersByCompositeKey(pending, target)) {
                continue;
            }
            if (pending.kind() == RelationshipMapping.Kind.MANY_TO_MANY) {
                resolveLinked(pending, target);
            } else if (pending.kind() == RelationshipMapping.Kind.ONE_TO_MANY && pending.mappedBy() == null) {
                RelationshipMapping.LinkTable link = LinkTables.joinColumn(this, pending.field(), target,
                        pending.joinColumn(), problems);
                if (link != null) {
                    relationships.add(new RelationshipMapping(pending.field().getName(), pending.kind(), pending.target(),
                            null, null, pending.cascadeRemove(), pending.orphanRemoval(),
                            FieldAccessor.of(pending.field()), orderOf(pending, target), link));
                }
            } else if (pending.mappedBy() != null) {
                resolveInverse(pending, target);
            } else {
                resolveOwning(pending, target);
            }
        }
        // Foreign key columns were appended last: put every column back in declaration order, the id first.
        columns.sort(Comparator.comparing((ColumnMapping column) -> column.role() != ColumnMapping.Role.ID)
                .thenComparing(column -> positions.getOrDefault(column.property(), Integer.MAX_VALUE)));
        checkColumnNamesAreDistinct();
        // Declared indexes are read after the foreign keys exist, so validation sees every column name.
        readDeclaredIndexes();
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

    /**
     * Reports a many-to-many or a unidirectional one-to-many whose link column would hold a
     * composite key: those are not mapped.
     */
    private boolean refersByCompositeKey(PendingRelationship pending, EntityReader target) {
        boolean linked = pending.kind() == RelationshipMapping.Kind.MANY_TO_MANY
                || (pending.kind() == RelationshipMapping.Kind.ONE_TO_MANY && pending.mappedBy() == null);
        EntityReader composite = !linked ? null : target.compositeKey != null ? target : compositeKey != null ? this : null;
        if (composite == null) {
            return false;
        }
        problem(where(pending.field()) + " links " + type.getSimpleName() + " and " + target.type().getSimpleName()
                + " through a link column, and " + composite.type().getSimpleName() + " has a composite key; link"
                + " tables and @JoinColumn collections over composite keys are not supported: map the link rows as an"
                + " entity with a @ManyToOne to each side, or give " + composite.type().getSimpleName()
                + " a single @Id");
        return true;
    }

    private void reportUnknownTarget(PendingRelationship pending) {
        Class<?> target = pending.target();
        if (!target.isAnnotationPresent(Entity.class)) {
            problem(where(pending.field()) + " refers to " + target.getSimpleName() + ", which is not annotated with"
                    + " @Entity; annotate " + target.getSimpleName() + " with @Entity and add it with entities("
                    + target.getSimpleName() + ".class), or mark " + where(pending.field()) + " @Transient");
        } else {
            problem(where(pending.field()) + " refers to " + target.getSimpleName() + ", which is not among this"
                    + " factory's entities; add it with entities(" + target.getSimpleName() + ".class) or"
                    + " scanPackages(\"" + target.getPackageName() + "\")");
        }
    }

    private void resolveOwning(PendingRelationship pending, EntityReader target) {
        if (target.compositeKey != null) {
            resolveCompositeOwning(pending, target);
            return;
        }
        ColumnMapping targetId = target.idColumn();
        if (targetId == null) {
            return; // the target's missing @Id is reported on its own
        }
        Field field = pending.field();
        if (field.isAnnotationPresent(JoinColumns.class)) {
            problem(where(field) + " has @JoinColumns, but " + target.type().getSimpleName() + " has a single @Id, so"
                    + " the foreign key has one column; name it with @JoinColumn(name = …) instead");
            return;
        }
        JoinColumn joinColumn = pending.joinColumn();
        String name = joinColumn != null && !joinColumn.name().isEmpty()
                ? joinColumn.name() : NamingStrategy.snakeCase(field.getName()) + "_" + targetId.column();
        boolean nullable = sharesTable || (pending.optional() && (joinColumn == null || joinColumn.nullable()));
        boolean unique = pending.kind() == RelationshipMapping.Kind.ONE_TO_ONE || (joinColumn != null && joinColumn.unique());
        ColumnMapping foreignKey = new ColumnMapping(field.getName(), name, targetId.type(), nullable, unique,
                ColumnMapping.Role.FOREIGN_KEY, FieldAccessor.of(field));
        columns.add(foreignKey);
        relationships.add(new RelationshipMapping(field.getName(), pending.kind(), pending.target(), null, foreignKey,
                pending.cascadeRemove(), pending.orphanRemoval(), FieldAccessor.of(field), List.of(), null));
    }

    /**
     * A to-one to an entity with a composite key: a foreign key column per key part; a one-to-one's
     * columns are unique together.
     */
    private void resolveCompositeOwning(PendingRelationship pending, EntityReader target) {
        Field field = pending.field();
        List<ColumnMapping> foreignKey = CompositeForeignKeys.read(where(field), field, target.type().getSimpleName(),
                target.compositeKey.parts(), pending.optional(), problems);
        if (foreignKey.isEmpty()) {
            return;
        }
        columns.addAll(foreignKey);
        if (pending.kind() == RelationshipMapping.Kind.ONE_TO_ONE) {
            indexes.add(new IndexMapping(null, foreignKey.stream().map(ColumnMapping::column).toList(), true));
        }
        relationships.add(new RelationshipMapping(field.getName(), pending.kind(), pending.target(), null,
                foreignKey.get(0), pending.cascadeRemove(), pending.orphanRemoval(), FieldAccessor.of(field), List.of(),
                null));
    }

    private void resolveInverse(PendingRelationship pending, EntityReader target) {
        Field field = pending.field();
        boolean oneToMany = pending.kind() == RelationshipMapping.Kind.ONE_TO_MANY;
        String owningKind = oneToMany ? "@ManyToOne" : "@OneToOne";
        String targetName = target.type().getSimpleName();
        Field owning = target.findField(pending.mappedBy());
        if (owning == null || !pointsBackTo(owning, oneToMany)) {
            String found = owning == null ? targetName + " has no field of that name"
                    : targetName + "." + owning.getName() + " is " + describe(owning) + ", not an owning " + owningKind
                    + " of " + type.getSimpleName();
            List<String> candidates = target.fields.stream()
                    .filter(candidate -> pointsBackTo(candidate, oneToMany)).map(Field::getName).toList();
            problem(where(field) + " has mappedBy = \"" + pending.mappedBy() + "\", but " + found + "; mappedBy must"
                    + " name the " + owningKind + " field of " + targetName + " that holds the foreign key back to "
                    + type.getSimpleName() + (candidates.isEmpty()
                            ? ": add such a field to " + targetName
                            : " (" + String.join(", ", candidates.stream().map(c -> "\"" + c + "\"").toList()) + ")"));
            return;
        }
        relationships.add(new RelationshipMapping(field.getName(), pending.kind(), pending.target(), pending.mappedBy(),
                null, pending.cascadeRemove(), pending.orphanRemoval(), FieldAccessor.of(field),
                orderOf(pending, target), null));
    }

    private List<RelationshipMapping.OrderColumn> orderOf(PendingRelationship pending, EntityReader target) {
        return pending.orderBy() == null ? List.of()
                : CollectionOrder.read(where(pending.field()), pending.orderBy(), target.type(), target.columns, problems);
    }

    /** A {@code @ManyToMany}: the owning side names its link table, the inverse side finds the owning field. */
    private void resolveLinked(PendingRelationship pending, EntityReader target) {
        Field field = pending.field();
        RelationshipMapping.LinkTable link = pending.mappedBy() == null ? LinkTables.of(this, field, target, problems)
                : LinkTables.inverse(this, field, pending.mappedBy(), target, problems);
        if (link != null) {
            relationships.add(new RelationshipMapping(field.getName(), RelationshipMapping.Kind.MANY_TO_MANY,
                    pending.target(), pending.mappedBy(), null, false, false, FieldAccessor.of(field),
                    orderOf(pending, target), link));
        }
    }

    private boolean pointsBackTo(Field owning, boolean fromOneToMany) {
        if (owning.getType() != type) {
            return false;
        }
        if (fromOneToMany) {
            return owning.isAnnotationPresent(ManyToOne.class);
        }
        OneToOne oneToOne = owning.getAnnotation(OneToOne.class);
        return oneToOne != null && oneToOne.mappedBy().isEmpty();
    }

    private static String describe(Field field) {
        String typeName = field.getType().getSimpleName();
        if (field.isAnnotationPresent(ManyToOne.class)) {
            return "a @ManyToOne of " + typeName;
        }
        if (field.isAnnotationPresent(OneToOne.class)) {
            return field.getAnnotation(OneToOne.class).mappedBy().isEmpty()
                    ? "a @OneToOne of " + typeName : "the inverse (mappedBy) side of a @OneToOne";
        }
        if (field.isAnnotationPresent(OneToMany.class)) {
            return "a @OneToMany";
        }
        return "a " + typeName + " column";
    }

    private void readDeclaredIndexes() {
        Table tableAnnotation = type.getAnnotation(Table.class);
        if (tableAnnotation == null) {
            return;
        }
        for (Index index : tableAnnotation.indexes()) {
            String what = "@Index" + (index.name().isEmpty() ? "" : " \"" + index.name() + "\"");
            List<String> names = Arrays.stream(index.columnList().split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
            if (checkColumns(what, names)) {
                indexes.add(new IndexMapping(index.name().isEmpty() ? null : index.name(), names, index.unique()));
            }
        }
        for (UniqueConstraint constraint : tableAnnotation.uniqueConstraints()) {
            String what = "@UniqueConstraint" + (constraint.name().isEmpty() ? "" : " \"" + constraint.name() + "\"");
            List<String> names = Arrays.stream(constraint.columnNames()).map(String::trim).toList();
            if (checkColumns(what, names)) {
                indexes.add(new IndexMapping(constraint.name().isEmpty() ? null : constraint.name(), names, true));
            }
        }
    }

    /** Checks that an index lists existing column names, plain (no ordering); reports each one that does not. */
    private boolean checkColumns(String what, List<String> names) {
        String name = type.getSimpleName();
        if (names.isEmpty()) {
            problem(name + " declares " + what + " without columns; list the column names, e.g. columnList ="
                    + " \"parent_id, value\"");
            return false;
        }
        List<String> known = ownTableColumns();
        boolean valid = true;
        for (String column : names) {
            if (known.contains(column)) {
                continue;
            }
            valid = false;
            String[] words = column.split("\\s+");
            ColumnMapping byProperty = columns.stream()
                    .filter(c -> c.property().equals(words[0]) && known.contains(c.column())).findFirst().orElse(null);
            if (words.length > 1 && known.contains(words[0])) {
                problem(name + " declares " + what + " with \"" + column + "\"; ordering and options in an index's"
                        + " column list are not supported: list plain column names (\"" + words[0] + "\")");
            } else if (byProperty != null) {
                problem(name + " declares " + what + " on \"" + column + "\", which is a field name; indexes list"
                        + " column names: write \"" + byProperty.column() + "\"");
            } else {
                problem(name + " declares " + what + " on column \"" + column + "\", which " + name + " does not have;"
                        + " use one of its columns " + known);
            }
        }
        return valid;
    }

    /**
     * The column names of the entity's table: all its columns, or for a subclass with a table of its
     * own ({@code JOINED}) its key and the columns it adds, as the inherited ones are in its parents' tables.
     */
    private List<String> ownTableColumns() {
        if (parent == null || sharesTable) {
            return columns.stream().map(ColumnMapping::column).toList();
        }
        PrimaryKeyJoinColumn keyColumn = type.getAnnotation(PrimaryKeyJoinColumn.class);
        List<String> own = new ArrayList<>();
        for (ColumnMapping column : columns) {
            boolean inherited = parent.columns.stream().anyMatch(other -> other == column);
            if (column.role() == ColumnMapping.Role.ID) {
                own.add(keyColumn == null || keyColumn.name().isEmpty() ? column.column() : keyColumn.name());
            } else if (!inherited) {
                own.add(column.column());
            }
        }
        return own;
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
        return toMapping(columns, relationships);
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

    private String where(Field field) {
        return type.getSimpleName() + "." + field.getName();
    }
}
