package io.valence.orm.internal.mapping;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.lang.annotation.Annotation;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one entity class: its table, columns and relationships, adding each problem to a shared list. */
final class EntityReader {
    private static final Set<Class<? extends Annotation>> FIELD_ANNOTATIONS = Set.of(
            Id.class, GeneratedValue.class, SequenceGenerator.class, Column.class, ManyToOne.class,
            JoinColumn.class, OneToMany.class, OneToOne.class, Version.class, Transient.class, Enumerated.class);
    private static final Set<Class<? extends Annotation>> CLASS_ANNOTATIONS =
            Set.of(Entity.class, Table.class, SequenceGenerator.class);
    private static final String SUPPORTED_FIELD_ANNOTATIONS = "@Id, @GeneratedValue, @SequenceGenerator, @Column,"
            + " @ManyToOne, @JoinColumn, @OneToMany, @OneToOne, @Version, @Transient, @Enumerated";

    private final Class<?> type;
    private final List<String> problems;
    private final String table;
    private final List<ColumnMapping> columns = new ArrayList<>();
    private final List<PendingRelationship> pendingRelationships = new ArrayList<>();
    private final List<RelationshipMapping> relationships = new ArrayList<>();
    private final List<IndexMapping> indexes = new ArrayList<>();
    private IdGeneration idGeneration = IdGeneration.ASSIGNED;
    private MethodHandle constructor;

    /** A relationship read from its field, waiting for the target's mapping to be known. */
    private record PendingRelationship(Field field, RelationshipMapping.Kind kind, Class<?> target, String mappedBy,
            JoinColumn joinColumn, boolean optional, boolean cascadeRemove, boolean orphanRemoval) {}

    EntityReader(Class<?> type, List<String> problems) {
        this.type = type;
        this.problems = problems;
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

    void readOwnFields() {
        checkClassAnnotations();
        readConstructor();
        if (type.getSuperclass() != Object.class) {
            problem(type.getSimpleName() + " extends " + type.getSuperclass().getSimpleName()
                    + "; entity inheritance is not supported: copy the fields into " + type.getSimpleName()
                    + " (or compose) and extend Object");
        }
        List<ColumnMapping> ids = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()
                    || field.isAnnotationPresent(Transient.class) || Modifier.isTransient(field.getModifiers())) {
                continue;
            }
            if (!checkFieldAnnotations(field)) {
                continue;
            }
            if (Modifier.isFinal(field.getModifiers())) {
                problem(where(field) + " is final, so Valence cannot set it when loading rows; make it non-final,"
                        + " or mark it @Transient");
                continue;
            }
            if (isRelationship(field)) {
                readRelationship(field);
            } else {
                ColumnMapping column = readColumn(field);
                if (column != null && column.role() == ColumnMapping.Role.ID) {
                    ids.add(column);
                }
            }
        }
        if (ids.isEmpty()) {
            problem(type.getSimpleName() + " has no @Id field; annotate its primary key field with @Id (and"
                    + " @GeneratedValue(strategy = IDENTITY) for a database-generated key)");
        } else if (ids.size() > 1) {
            problem(type.getSimpleName() + " has several @Id fields (" + ids.stream().map(ColumnMapping::property).toList()
                    + "); composite keys are not supported: keep one @Id and declare a unique constraint over the"
                    + " others with @Table(uniqueConstraints = …)");
        } else {
            columns.remove(ids.get(0));
            columns.add(0, ids.get(0));
        }
    }

    private void checkClassAnnotations() {
        for (Annotation annotation : type.getAnnotations()) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (kind.getPackageName().equals("jakarta.persistence") && !CLASS_ANNOTATIONS.contains(kind)) {
                problem(type.getSimpleName() + " is annotated with @" + kind.getSimpleName()
                        + ", which Valence does not support; on classes it supports @Entity, @Table and"
                        + " @SequenceGenerator");
            }
        }
    }

    private void readConstructor() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            problem(type.getSimpleName() + " has no no-arg constructor; add one (any visibility, e.g. `protected "
                    + type.getSimpleName() + "() {}`) so Valence can create instances when it loads rows");
        }
    }

    private boolean checkFieldAnnotations(Field field) {
        boolean supported = true;
        for (Annotation annotation : field.getAnnotations()) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (kind.getPackageName().equals("jakarta.persistence") && !FIELD_ANNOTATIONS.contains(kind)) {
                problem(where(field) + " is annotated with @" + kind.getSimpleName() + ", which Valence does not"
                        + " support; the supported field annotations are " + SUPPORTED_FIELD_ANNOTATIONS
                        + " (model the data with those, or mark the field @Transient)");
                supported = false;
            }
        }
        return supported;
    }

    private static boolean isRelationship(Field field) {
        return field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToMany.class)
                || field.isAnnotationPresent(OneToOne.class);
    }

    private ColumnMapping readColumn(Field field) {
        Column column = field.getAnnotation(Column.class);
        checkColumnAttributes(field, column);
        ColumnType columnType = ColumnTypeResolver.resolve(field.getType(), column, field.getAnnotation(Enumerated.class))
                .orElse(null);
        if (columnType == null) {
            problem(where(field) + " has type " + field.getType().getName() + ", which Valence cannot map; supported"
                    + " types are " + ColumnTypeResolver.SUPPORTED + " (or mark the field @Transient)");
            return null;
        }
        boolean isId = field.isAnnotationPresent(Id.class);
        boolean isVersion = field.isAnnotationPresent(Version.class);
        ColumnMapping.Role role = isId ? ColumnMapping.Role.ID
                : isVersion ? ColumnMapping.Role.VERSION : ColumnMapping.Role.BASIC;
        if (isId) {
            readIdGeneration(field);
        }
        if (isVersion && !isIntegral(field.getType())) {
            problem(where(field) + " is @Version but has type " + field.getType().getSimpleName()
                    + "; use long, int or short (or Long/Integer/Short)");
        }
        boolean nullable = !(field.getType().isPrimitive() || isId || isVersion || (column != null && !column.nullable()));
        String name = column != null && !column.name().isEmpty() ? column.name() : NamingStrategy.snakeCase(field.getName());
        ColumnMapping mapping = new ColumnMapping(field.getName(), name, columnType, nullable,
                column != null && column.unique() && !isId, role, FieldAccessor.of(field));
        columns.add(mapping);
        return mapping;
    }

    private void checkColumnAttributes(Field field, Column column) {
        if (column == null) {
            return;
        }
        List<String> unsupported = new ArrayList<>();
        if (!column.columnDefinition().isEmpty()) {
            unsupported.add("columnDefinition");
        }
        if (!column.insertable() || !column.updatable()) {
            unsupported.add("insertable/updatable");
        }
        if (!column.table().isEmpty()) {
            unsupported.add("table");
        }
        if (!unsupported.isEmpty()) {
            problem(where(field) + " uses @Column attribute(s) " + unsupported + ", which Valence does not support;"
                    + " the supported @Column attributes are name, nullable, unique, length, precision and scale");
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
            idGeneration = new IdGeneration(IdGeneration.Strategy.SEQUENCE, sequence, Math.max(1, allocation));
        } else {
            problem(where(field) + " uses @GeneratedValue(strategy = " + generated.strategy()
                    + "), which Valence does not support; use IDENTITY or SEQUENCE");
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
        if (Arrays.stream(new Object[] {manyToOne, oneToMany, oneToOne}).filter(a -> a != null).count() > 1) {
            problem(where(field) + " has more than one of @ManyToOne, @OneToMany and @OneToOne; keep exactly one");
            return;
        }
        if (field.isAnnotationPresent(Column.class)) {
            problem(where(field) + " is a relationship and also has @Column; name its foreign key column with"
                    + " @JoinColumn(name = …) instead");
        }
        JoinColumn joinColumn = field.getAnnotation(JoinColumn.class);
        if (joinColumn != null && !joinColumn.referencedColumnName().isEmpty()) {
            problem(where(field) + " uses @JoinColumn(referencedColumnName), which Valence does not support; foreign"
                    + " keys always reference the target's @Id");
        }
        if (manyToOne != null) {
            pendingRelationships.add(new PendingRelationship(field, RelationshipMapping.Kind.MANY_TO_ONE, field.getType(),
                    null, joinColumn, manyToOne.optional(), cascadesRemove(manyToOne.cascade()), false));
        } else if (oneToMany != null) {
            readOneToMany(field, oneToMany, joinColumn);
        } else {
            String mappedBy = oneToOne.mappedBy().isEmpty() ? null : oneToOne.mappedBy();
            if (mappedBy != null && joinColumn != null) {
                problem(where(field) + " is the inverse side (mappedBy) of a @OneToOne and cannot have @JoinColumn;"
                        + " put @JoinColumn on the owning side");
            }
            pendingRelationships.add(new PendingRelationship(field, RelationshipMapping.Kind.ONE_TO_ONE, field.getType(),
                    mappedBy, joinColumn, oneToOne.optional(), cascadesRemove(oneToOne.cascade()), oneToOne.orphanRemoval()));
        }
    }

    private void readOneToMany(Field field, OneToMany oneToMany, JoinColumn joinColumn) {
        if (oneToMany.mappedBy().isEmpty() || joinColumn != null) {
            problem(where(field) + " is a @OneToMany without mappedBy; Valence maps one-to-many only as the inverse"
                    + " of a @ManyToOne: add a @ManyToOne field on the element class and write @OneToMany(mappedBy ="
                    + " \"thatField\")");
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
        pendingRelationships.add(new PendingRelationship(field, RelationshipMapping.Kind.ONE_TO_MANY, element,
                oneToMany.mappedBy(), null, true, cascadesRemove(oneToMany.cascade()), oneToMany.orphanRemoval()));
    }

    private static Class<?> elementType(Field field) {
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
        for (PendingRelationship pending : pendingRelationships) {
            EntityReader target = readers.get(pending.target());
            if (target == null) {
                reportUnknownTarget(pending);
                continue;
            }
            if (pending.mappedBy() != null) {
                resolveInverse(pending, target);
            } else {
                resolveOwning(pending, target);
            }
        }
        // Declared indexes are read after the foreign keys exist, so validation sees every column name.
        readDeclaredIndexes();
    }

    private void reportUnknownTarget(PendingRelationship pending) {
        Class<?> target = pending.target();
        if (!target.isAnnotationPresent(Entity.class)) {
            problem(where(pending.field()) + " refers to " + target.getSimpleName() + ", which is not an @Entity;"
                    + " annotate " + target.getSimpleName() + " with @Entity and register it, or map the field"
                    + " as a column / mark it @Transient");
        } else {
            problem(where(pending.field()) + " refers to " + target.getSimpleName() + ", which is not among this"
                    + " factory's entities; add it with entities(" + target.getSimpleName() + ".class) or"
                    + " scanPackages(\"" + target.getPackageName() + "\")");
        }
    }

    private void resolveOwning(PendingRelationship pending, EntityReader target) {
        ColumnMapping targetId = target.idColumn();
        if (targetId == null) {
            return; // the target's missing @Id is reported on its own
        }
        Field field = pending.field();
        JoinColumn joinColumn = pending.joinColumn();
        String name = joinColumn != null && !joinColumn.name().isEmpty()
                ? joinColumn.name() : NamingStrategy.snakeCase(field.getName()) + "_" + targetId.column();
        boolean nullable = pending.optional() && (joinColumn == null || joinColumn.nullable());
        boolean unique = pending.kind() == RelationshipMapping.Kind.ONE_TO_ONE || (joinColumn != null && joinColumn.unique());
        ColumnMapping foreignKey = new ColumnMapping(field.getName(), name, targetId.type(), nullable, unique,
                ColumnMapping.Role.FOREIGN_KEY, FieldAccessor.of(field));
        columns.add(foreignKey);
        relationships.add(new RelationshipMapping(field.getName(), pending.kind(), pending.target(), null, foreignKey,
                pending.cascadeRemove(), pending.orphanRemoval(), FieldAccessor.of(field)));
    }

    private void resolveInverse(PendingRelationship pending, EntityReader target) {
        Field field = pending.field();
        Field owning = target.findField(pending.mappedBy());
        if (owning == null) {
            problem(where(field) + " has mappedBy = \"" + pending.mappedBy() + "\", but " + target.type().getSimpleName()
                    + " has no field of that name; name the " + (pending.kind() == RelationshipMapping.Kind.ONE_TO_MANY
                    ? "@ManyToOne" : "@OneToOne") + " field of " + target.type().getSimpleName() + " that points back to "
                    + type.getSimpleName());
            return;
        }
        boolean pointsBack = owning.getType() == type
                && (owning.isAnnotationPresent(ManyToOne.class) || owning.isAnnotationPresent(OneToOne.class));
        if (!pointsBack) {
            problem(where(field) + " has mappedBy = \"" + pending.mappedBy() + "\", but " + target.type().getSimpleName()
                    + "." + owning.getName() + " is a " + owning.getType().getSimpleName() + (isRelationship(owning) ? "" : " column")
                    + ", not a @ManyToOne/@OneToOne of " + type.getSimpleName() + "; mappedBy must name the field that"
                    + " holds the foreign key back to " + type.getSimpleName());
            return;
        }
        relationships.add(new RelationshipMapping(field.getName(), pending.kind(), pending.target(), pending.mappedBy(),
                null, pending.cascadeRemove(), pending.orphanRemoval(), FieldAccessor.of(field)));
    }

    private void readDeclaredIndexes() {
        Table tableAnnotation = type.getAnnotation(Table.class);
        if (tableAnnotation == null) {
            return;
        }
        for (Index index : tableAnnotation.indexes()) {
            List<String> names = Arrays.stream(index.columnList().split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
            checkColumnsExist("@Index" + (index.name().isEmpty() ? "" : " \"" + index.name() + "\""), names);
            indexes.add(new IndexMapping(index.name().isEmpty() ? null : index.name(), names, index.unique()));
        }
        for (UniqueConstraint constraint : tableAnnotation.uniqueConstraints()) {
            List<String> names = List.of(constraint.columnNames());
            checkColumnsExist("@UniqueConstraint" + (constraint.name().isEmpty() ? "" : " \"" + constraint.name() + "\""), names);
            indexes.add(new IndexMapping(constraint.name().isEmpty() ? null : constraint.name(), names, true));
        }
    }

    private void checkColumnsExist(String what, List<String> names) {
        List<String> known = columns.stream().map(ColumnMapping::column).toList();
        for (String name : names) {
            if (!known.contains(name)) {
                problem(type.getSimpleName() + " declares " + what + " on column \"" + name + "\", which "
                        + type.getSimpleName() + " does not have; its columns are " + known);
            }
        }
    }

    private ColumnMapping idColumn() {
        return columns.stream().filter(c -> c.role() == ColumnMapping.Role.ID).findFirst().orElse(null);
    }

    private Field findField(String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    EntityMapping toMapping() {
        return new EntityMapping(type, table, columns, idGeneration, relationships, indexes, constructor);
    }

    private void problem(String message) {
        problems.add(message);
    }

    private String where(Field field) {
        return type.getSimpleName() + "." + field.getName();
    }
}
