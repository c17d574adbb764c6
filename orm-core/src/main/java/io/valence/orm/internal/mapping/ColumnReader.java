package io.valence.orm.internal.mapping;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the columns of a field that is not a relationship: one column for a basic value, or one
 * column per field of an embedded value ({@code @Embedded}, or a field whose type is
 * {@code @Embeddable}), nested embedded values included. Embedded columns are named after the
 * embeddable's fields, as JPA's defaults say, unless an {@code @AttributeOverride} on the embedding
 * field (or on the entity, for a field of a mapped superclass) renames them; their property names
 * are paths such as {@code "address.city"}, which queries use as they are.
 */
final class ColumnReader {
    private static final List<Class<? extends Annotation>> NOT_IN_EMBEDDABLES = List.of(Id.class, Version.class,
            GeneratedValue.class, SequenceGenerator.class, ManyToOne.class, OneToMany.class, OneToOne.class,
            JoinColumn.class);

    private final Class<?> entity;
    private final List<String> problems;
    private final ColumnTypes types;
    /** The entity's own {@code @AttributeOverride}s, for fields of its mapped superclasses. */
    private final Map<String, Column> classOverrides;

    ColumnReader(Class<?> entity, List<String> problems, ColumnTypes types) {
        this.entity = entity;
        this.problems = problems;
        this.types = types;
        this.classOverrides = overridesOf(entity);
    }

    /**
     * Reads a field of the entity or of one of its mapped superclasses.
     *
     * @param field a persistent field that is no relationship
     * @return its columns in declaration order (empty after a problem)
     */
    List<ColumnMapping> read(Field field) {
        List<ColumnMapping> columns = new ArrayList<>();
        if (isEmbedded(field)) {
            ColumnMapping.Role role = field.isAnnotationPresent(EmbeddedId.class)
                    ? ColumnMapping.Role.ID : ColumnMapping.Role.BASIC;
            readEmbedded(field, null, "", classOverrides, new HashSet<>(), role, columns);
        } else {
            boolean id = field.isAnnotationPresent(Id.class);
            boolean version = field.isAnnotationPresent(Version.class);
            ColumnMapping.Role role = id ? ColumnMapping.Role.ID
                    : version ? ColumnMapping.Role.VERSION : ColumnMapping.Role.BASIC;
            Column column = classOverrides.getOrDefault(field.getName(), field.getAnnotation(Column.class));
            boolean nullable = !(field.getType().isPrimitive() || id || version || (column != null && !column.nullable()));
            add(field, FieldAccessor.of(field), field.getName(), column, role, nullable, columns);
        }
        return columns;
    }

    static boolean isEmbedded(Field field) {
        return field.isAnnotationPresent(Embedded.class) || field.isAnnotationPresent(EmbeddedId.class)
                || field.getType().isAnnotationPresent(Embeddable.class);
    }

    /**
     * Reads the columns of an embedded value: each of its fields, nested embedded values recursively;
     * they have the given role (an {@code @EmbeddedId}'s are key columns).
     */
    private void readEmbedded(Field field, FieldAccessor holder, String prefix, Map<String, Column> outerOverrides,
            Set<Class<?>> enclosing, ColumnMapping.Role role, List<ColumnMapping> columns) {
        Class<?> type = field.getType();
        String path = prefix + field.getName();
        MethodHandle constructor = embeddableConstructor(type, path);
        if (constructor == null) {
            return;
        }
        MappingSubset.checkEmbeddable(type, where(path), problems);
        if (!enclosing.add(type)) {
            problem(where(path) + " embeds " + type.getSimpleName() + " inside itself, which would need endless"
                    + " columns; mark the field @Transient, or break the cycle");
            return;
        }
        FieldAccessor accessor = FieldAccessor.nested(holder, field, constructor);
        Map<String, Column> overrides = new LinkedHashMap<>();
        outerOverrides.forEach((name, column) -> {
            if (name.startsWith(field.getName() + ".")) {
                overrides.put(name.substring(field.getName().length() + 1), column);
            }
        });
        Map<String, Column> own = overridesOf(field);
        own.forEach(overrides::putIfAbsent); // the outer declaration wins, as in JPA
        int first = columns.size();
        for (Field nested : type.getDeclaredFields()) {
            if (Modifier.isStatic(nested.getModifiers()) || nested.isSynthetic()
                    || nested.isAnnotationPresent(Transient.class) || Modifier.isTransient(nested.getModifiers())) {
                continue;
            }
            String nestedPath = path + "." + nested.getName();
            if (!MappingSubset.checkField(nested, where(nestedPath), problems) || !allowedInEmbeddable(nested, nestedPath)) {
                continue;
            }
            if (isEmbedded(nested)) {
                readEmbedded(nested, accessor, path + ".", overrides, enclosing, role, columns);
            } else {
                Column column = overrides.getOrDefault(nested.getName(), nested.getAnnotation(Column.class));
                boolean nullable = role != ColumnMapping.Role.ID && (column == null || column.nullable());
                add(nested, FieldAccessor.nested(accessor, nested, null), nestedPath, column, role, nullable, columns);
            }
        }
        enclosing.remove(type);
        for (String name : own.keySet()) {
            String overridden = path + "." + name;
            if (columns.subList(first, columns.size()).stream().noneMatch(c -> c.property().equals(overridden))) {
                problem(where(path) + " has @AttributeOverride(name = \"" + name + "\"), but " + type.getSimpleName()
                        + " has no such basic field; name one of " + columns.subList(first, columns.size()).stream()
                                .map(c -> c.property().substring(path.length() + 1)).toList());
            }
        }
    }

    private MethodHandle embeddableConstructor(Class<?> type, String path) {
        if (type.isRecord() || type.isInterface() || type.isEnum() || type.isPrimitive()
                || Modifier.isAbstract(type.getModifiers())
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            problem(where(path) + " is embedded, but " + type.getSimpleName() + " is not a concrete (static) class"
                    + " whose fields Valence can set one by one; make it a class with non-final fields and a no-arg"
                    + " constructor, or map it through an AttributeConverter with @Convert");
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            return lookup.findConstructor(type, MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            problem(where(path) + " is embedded, but " + type.getSimpleName() + " has no no-arg constructor; add one"
                    + " (any visibility, e.g. `protected " + type.getSimpleName() + "() {}`)");
            return null;
        }
    }

    private boolean allowedInEmbeddable(Field field, String path) {
        for (Class<? extends Annotation> kind : NOT_IN_EMBEDDABLES) {
            if (field.isAnnotationPresent(kind)) {
                problem(where(path) + " has @" + kind.getSimpleName() + " inside an embeddable; ids, versions and"
                        + " relationships belong to the entity: move the field to the entity");
                return false;
            }
        }
        if (Modifier.isFinal(field.getModifiers())) {
            problem(where(path) + " is final, so Valence cannot set it when loading rows; make it non-final, or mark"
                    + " it @Transient");
            return false;
        }
        return true;
    }

    private void add(Field field, FieldAccessor accessor, String property, Column column, ColumnMapping.Role role,
            boolean nullable, List<ColumnMapping> columns) {
        ColumnType type = types.resolve(field, column, where(property));
        if (type == null) {
            return; // reported by the resolver
        }
        String name = column != null && !column.name().isEmpty() ? column.name() : NamingStrategy.snakeCase(field.getName());
        boolean unique = column != null && column.unique() && role != ColumnMapping.Role.ID;
        columns.add(new ColumnMapping(property, name, type, nullable, unique, role, accessor));
    }

    /** The {@code @AttributeOverride}s declared on a field or class, by attribute name. */
    private static Map<String, Column> overridesOf(java.lang.reflect.AnnotatedElement element) {
        Map<String, Column> overrides = new LinkedHashMap<>();
        // getAnnotationsByType sees both repeated @AttributeOverride and an explicit @AttributeOverrides
        for (AttributeOverride override : element.getAnnotationsByType(AttributeOverride.class)) {
            overrides.put(override.name(), override.column());
        }
        return overrides;
    }

    private void problem(String message) {
        problems.add(message);
    }

    private String where(String path) {
        return entity.getSimpleName() + "." + path;
    }
}
