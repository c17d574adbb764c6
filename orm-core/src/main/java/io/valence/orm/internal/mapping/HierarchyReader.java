package io.valence.orm.internal.mapping;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads entity hierarchies mapped to one table ({@code SINGLE_TABLE}, JPA's default strategy):
 * links each subclass's reader to its parent's, checks the hierarchy's annotations, and turns the
 * readers into mappings that carry the discriminator column, with a view over its subclasses for
 * each abstract class.
 */
final class HierarchyReader {
    /** The column name JPA gives a discriminator ({@code DTYPE}), as PostgreSQL folds an unquoted name. */
    static final String DEFAULT_DISCRIMINATOR = "dtype";

    /** What only a hierarchy's root may declare, as its subclasses share its table. */
    private static final List<Class<? extends Annotation>> ROOT_ONLY =
            List.of(Inheritance.class, DiscriminatorColumn.class, Table.class);

    private final List<String> problems;

    HierarchyReader(List<String> problems) {
        this.problems = problems;
    }

    /** The classes ordered so that every entity comes after the entities it extends, otherwise as given. */
    static List<Class<?>> parentsFirst(Collection<Class<?>> types) {
        List<Class<?>> ordered = new ArrayList<>(types);
        ordered.sort(Comparator.comparingInt(HierarchyReader::depth)); // stable: registration order within a depth
        return ordered;
    }

    private static int depth(Class<?> type) {
        int depth = 0;
        for (Class<?> current = entitySuperclass(type); current != null; current = entitySuperclass(current)) {
            depth++;
        }
        return depth;
    }

    /** The nearest superclass annotated with {@code @Entity}, past mapped superclasses, or null. */
    private static Class<?> entitySuperclass(Class<?> type) {
        Class<?> superclass = type.getSuperclass();
        while (superclass != null && superclass.isAnnotationPresent(MappedSuperclass.class)) {
            superclass = superclass.getSuperclass();
        }
        return superclass != null && superclass.isAnnotationPresent(Entity.class) ? superclass : null;
    }

    /** Makes a new reader extend the reader of its entity superclass, when that one is registered. */
    void link(EntityReader reader, Map<Class<?>, EntityReader> readers) {
        Class<?> superclass = entitySuperclass(reader.type());
        EntityReader parent = superclass == null ? null : readers.get(superclass);
        if (parent != null) {
            reader.extend(parent);
        }
    }

    /** Reports what a hierarchy cannot be: another strategy, misplaced annotations, abstract leaves, concrete parents. */
    void check(Map<Class<?>, EntityReader> readers) {
        for (EntityReader reader : readers.values()) {
            Class<?> type = reader.type();
            String name = type.getSimpleName();
            Inheritance inheritance = type.getAnnotation(Inheritance.class);
            boolean hasChildren = !children(reader, readers).isEmpty();
            if (inheritance != null && inheritance.strategy() != InheritanceType.SINGLE_TABLE) {
                problems.add(name + " uses @Inheritance(strategy = " + inheritance.strategy() + "), which Valence does"
                        + " not support; it maps a hierarchy to one table: use @Inheritance(strategy = SINGLE_TABLE)"
                        + " (or leave @Inheritance out), or copy the inherited fields into each entity");
            }
            if (reader.parent() != null) {
                for (Class<? extends Annotation> misplaced : ROOT_ONLY) {
                    if (type.isAnnotationPresent(misplaced)) {
                        problems.add(name + " extends the entity " + reader.parent().type().getSimpleName() + " and has @"
                                + misplaced.getSimpleName() + ", which only the hierarchy's root may declare (its rows"
                                + " share the root's table): move it to " + root(reader).type().getSimpleName());
                    }
                }
            }
            boolean isAbstract = Modifier.isAbstract(type.getModifiers());
            if (isAbstract && !hasChildren) {
                problems.add(name + " is abstract, so Valence cannot create instances when it loads rows, and no"
                        + " registered entity extends it; make it concrete, or register its @Entity subclasses with"
                        + " entities(…)");
            } else if (!isAbstract && hasChildren) {
                problems.add(name + " is extended by the entity " + children(reader, readers).get(0).type().getSimpleName()
                        + " but is itself concrete; a query of " + name + " could not tell its own rows from its"
                        + " subclasses': declare it abstract, and move its own rows into another subclass");
            }
        }
        checkDiscriminatorValues(readers);
    }

    private void checkDiscriminatorValues(Map<Class<?>, EntityReader> readers) {
        Map<EntityReader, Map<Object, Class<?>>> byRoot = new HashMap<>();
        for (EntityReader reader : readers.values()) {
            if (reader.parent() == null || Modifier.isAbstract(reader.type().getModifiers())) {
                continue;
            }
            Object value = discriminatorValue(reader);
            Class<?> previous = value == null ? null
                    : byRoot.computeIfAbsent(root(reader), r -> new HashMap<>()).putIfAbsent(value, reader.type());
            if (previous != null) {
                problems.add(previous.getSimpleName() + " and " + reader.type().getSimpleName() + " have the same"
                        + " discriminator value '" + value + "', so their rows could not be told apart; give one of"
                        + " them another @DiscriminatorValue");
            }
        }
    }

    /** The discriminator value of a concrete class, converted to the column's type; null after a problem. */
    private Object discriminatorValue(EntityReader reader) {
        Class<?> type = reader.type();
        DiscriminatorColumn column = discriminatorColumn(root(reader));
        DiscriminatorType kind = column == null ? DiscriminatorType.STRING : column.discriminatorType();
        DiscriminatorValue annotation = type.getAnnotation(DiscriminatorValue.class);
        if (annotation == null && kind != DiscriminatorType.STRING) {
            problems.add(type.getSimpleName() + " has no @DiscriminatorValue, but the discriminator of its hierarchy is"
                    + " of type " + kind + ", for which JPA defines no default; annotate it with @DiscriminatorValue");
            return null;
        }
        String value = annotation == null ? type.getSimpleName() : annotation.value();
        int length = kind == DiscriminatorType.CHAR ? 1 : column == null ? 31 : column.length();
        if (kind == DiscriminatorType.INTEGER) {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                problems.add(type.getSimpleName() + " has @DiscriminatorValue(\"" + value + "\"), which is no integer,"
                        + " but the discriminator of its hierarchy is an INTEGER column; use a number");
                return null;
            }
        }
        if (value.length() > length) {
            problems.add(type.getSimpleName() + " has the discriminator value '" + value + "', longer than the "
                    + length + " characters of its hierarchy's discriminator column; give it a shorter"
                    + " @DiscriminatorValue, or raise @DiscriminatorColumn(length) on the root");
            return null;
        }
        return value;
    }

    private static DiscriminatorColumn discriminatorColumn(EntityReader root) {
        return root.type().getAnnotation(DiscriminatorColumn.class);
    }

    private static EntityReader root(EntityReader reader) {
        EntityReader root = reader;
        while (root.parent() != null) {
            root = root.parent();
        }
        return root;
    }

    private static List<EntityReader> children(EntityReader reader, Map<Class<?>, EntityReader> readers) {
        return readers.values().stream().filter(other -> other.parent() == reader).toList();
    }

    /**
     * The mappings of all readers: entities outside a hierarchy as read; in a hierarchy, each
     * concrete class with the discriminator column after its id, each abstract class as a view over
     * its subclasses, all with their {@link InheritanceMapping}.
     */
    Map<Class<?>, EntityMapping> toMappings(Map<Class<?>, EntityReader> readers) {
        Map<Class<?>, EntityMapping> mappings = new LinkedHashMap<>();
        Map<EntityReader, List<EntityReader>> concreteBelow = new IdentityHashMap<>();
        for (EntityReader reader : readers.values()) {
            boolean inHierarchy = reader.parent() != null || !children(reader, readers).isEmpty();
            if (!inHierarchy) {
                mappings.put(reader.type(), reader.toMapping());
            } else if (!Modifier.isAbstract(reader.type().getModifiers())) {
                for (EntityReader above = reader; above != null; above = above.parent()) {
                    concreteBelow.computeIfAbsent(above, r -> new ArrayList<>()).add(reader);
                }
            }
        }
        Map<EntityReader, EntityMapping> concrete = new IdentityHashMap<>();
        for (List<EntityReader> leaves : concreteBelow.values()) {
            for (EntityReader leaf : leaves) {
                concrete.computeIfAbsent(leaf, this::concreteMapping);
            }
        }
        for (EntityReader reader : readers.values()) {
            List<EntityReader> below = concreteBelow.get(reader);
            if (below == null) {
                continue;
            }
            EntityMapping mapping = Modifier.isAbstract(reader.type().getModifiers())
                    ? view(reader, below, concrete) : concrete.get(reader);
            mappings.put(reader.type(), mapping);
        }
        return mappings;
    }

    private EntityMapping concreteMapping(EntityReader reader) {
        Object value = discriminatorValue(reader);
        List<ColumnMapping> columns = new ArrayList<>(reader.columns());
        columns.add(1, discriminator(root(reader), FieldAccessor.constant(value)));
        EntityMapping mapping = reader.toMapping(columns, reader.relationships());
        boolean filtered = reader.parent() != null;
        mapping.inheritance(new InheritanceMapping(root(reader).type(), 1, Collections.singletonList(value),
                filtered, Map.of(), Map.of()));
        return mapping;
    }

    /** An abstract class's mapping: its columns and relationships, then those its concrete subclasses add. */
    private EntityMapping view(EntityReader reader, List<EntityReader> below, Map<EntityReader, EntityMapping> concrete) {
        Set<ColumnMapping> columns = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<RelationshipMapping> relationships = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ColumnMapping> columnList = new ArrayList<>(reader.columns());
        columnList.add(1, discriminator(root(reader), FieldAccessor.constant(null)));
        columns.addAll(columnList);
        List<RelationshipMapping> relationshipList = new ArrayList<>(reader.relationships());
        relationships.addAll(relationshipList);
        for (EntityReader leaf : below) {
            EntityMapping mapping = concrete.get(leaf);
            for (int i = 0; i < mapping.columns().size(); i++) {
                if (i != 1 && columns.add(mapping.columns().get(i))) {
                    columnList.add(mapping.columns().get(i));
                }
            }
            mapping.relationships().stream().filter(relationships::add).forEach(relationshipList::add);
        }
        checkColumnNamesAreDistinct(reader, columnList);
        EntityMapping view = reader.toMapping(columnList, relationshipList);
        Map<Object, EntityMapping> byValue = new LinkedHashMap<>();
        Map<EntityMapping, int[]> positions = new IdentityHashMap<>();
        for (EntityReader leaf : below) {
            EntityMapping mapping = concrete.get(leaf);
            byValue.put(mapping.inheritance().filter().get(0), mapping);
            int[] from = new int[mapping.columns().size()];
            for (int i = 0; i < from.length; i++) {
                from[i] = i == 1 ? 1 : view.columnIndex(mapping.columns().get(i));
            }
            positions.put(mapping, from);
        }
        view.inheritance(new InheritanceMapping(root(reader).type(), 1, List.copyOf(byValue.keySet()),
                reader.parent() != null, byValue, positions));
        return view;
    }

    /** Subclasses share a table, so two of them may not give the same column name to different fields. */
    private void checkColumnNamesAreDistinct(EntityReader reader, List<ColumnMapping> columns) {
        Map<String, ColumnMapping> byName = new HashMap<>();
        for (ColumnMapping column : columns) {
            ColumnMapping previous = byName.putIfAbsent(column.column(), column);
            if (previous != null && reader.parent() == null) {
                problems.add("The subclasses of " + reader.type().getSimpleName() + " map " + previous.property() + " and "
                        + column.property() + " to the same column \"" + column.column() + "\" of table \""
                        + reader.table() + "\"; give one of them another name with @Column(name = …), or move the"
                        + " field up into " + reader.type().getSimpleName());
            }
        }
    }

    private static ColumnMapping discriminator(EntityReader root, FieldAccessor accessor) {
        DiscriminatorColumn column = discriminatorColumn(root);
        String name = column == null || column.name().equals("DTYPE") ? DEFAULT_DISCRIMINATOR : column.name();
        DiscriminatorType kind = column == null ? DiscriminatorType.STRING : column.discriminatorType();
        ColumnType type = switch (kind) {
            case INTEGER -> new ColumnType(Integer.class, "integer", "integer[]", Integer.class, ValueConverter.IDENTITY);
            case CHAR -> new ColumnType(String.class, "char(1)", "char[]", String.class, ValueConverter.IDENTITY);
            case STRING -> {
                int length = column == null ? 31 : column.length();
                yield new ColumnType(String.class, "varchar(" + length + ")", "varchar[]", String.class,
                        ValueConverter.IDENTITY);
            }
        };
        return new ColumnMapping(name, name, type, false, false, ColumnMapping.Role.BASIC, accessor);
    }
}
