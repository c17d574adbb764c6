package io.valence.orm.internal.mapping;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrimaryKeyJoinColumn;
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
 * Reads entity hierarchies: mapped to one table ({@code SINGLE_TABLE}, JPA's default strategy) or to
 * a table per class joined by the key ({@code JOINED}). Links each subclass's reader to its parent's,
 * checks the hierarchy's annotations, and turns the readers into mappings that carry the
 * discriminator column (for {@code JOINED}: the tables of each class), with a view over its
 * subclasses for each abstract class.
 */
final class HierarchyReader {
    /** The column name JPA gives a discriminator ({@code DTYPE}), as PostgreSQL folds an unquoted name. */
    static final String DEFAULT_DISCRIMINATOR = "dtype";
    /**
     * The column a {@code JOINED} view's rows carry in place of a discriminator: the position of the
     * concrete class whose table holds the row's key. It is computed when read, never stored.
     */
    static final String JOINED_CLASS_COLUMN = "valence_class";

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
            reader.extend(parent, !isJoined(parent));
        }
    }

    /** Whether the reader's hierarchy has a table per class: its root says {@code @Inheritance(strategy = JOINED)}. */
    static boolean isJoined(EntityReader reader) {
        Inheritance inheritance = root(reader).type().getAnnotation(Inheritance.class);
        return inheritance != null && inheritance.strategy() == InheritanceType.JOINED;
    }

    /** Reports what a hierarchy cannot be: another strategy, misplaced annotations, abstract leaves, concrete parents. */
    void check(Map<Class<?>, EntityReader> readers) {
        for (EntityReader reader : readers.values()) {
            Class<?> type = reader.type();
            String name = type.getSimpleName();
            Inheritance inheritance = type.getAnnotation(Inheritance.class);
            boolean hasChildren = !children(reader, readers).isEmpty();
            if (inheritance != null && inheritance.strategy() == InheritanceType.TABLE_PER_CLASS) {
                problems.add(name + " uses @Inheritance(strategy = TABLE_PER_CLASS), which Valence does not support:"
                        + " use @Inheritance(strategy = SINGLE_TABLE) (one table) or JOINED (a table per class), or copy"
                        + " the inherited fields into each entity");
            }
            checkJoined(reader);
            if (reader.parent() != null) {
                for (Class<? extends Annotation> misplaced : ROOT_ONLY) {
                    if (type.isAnnotationPresent(misplaced)
                            && (reader.sharesTable() || misplaced == Inheritance.class)) { // JOINED: checkJoined
                        problems.add(name + " extends the entity " + reader.parent().type().getSimpleName() + " and has @"
                                + misplaced.getSimpleName() + ", which only the hierarchy's root may declare ("
                                + (reader.sharesTable() ? "its rows share the root's table" : "it holds for the whole"
                                        + " hierarchy") + "): move it to " + root(reader).type().getSimpleName());
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

    /** What a {@code JOINED} hierarchy cannot have, and where {@code @PrimaryKeyJoinColumn} may be. */
    private void checkJoined(EntityReader reader) {
        String name = reader.type().getSimpleName();
        boolean joined = isJoined(reader);
        for (Class<? extends Annotation> discriminator : List.of(DiscriminatorColumn.class, DiscriminatorValue.class)) {
            if (joined && reader.type().isAnnotationPresent(discriminator)) {
                problems.add(name + " has @" + discriminator.getSimpleName() + " in a JOINED hierarchy; Valence tells"
                        + " the class of a row by the subclass table that holds its key, so it would never read a"
                        + " discriminator: remove it (or map the hierarchy as SINGLE_TABLE)");
            }
        }
        PrimaryKeyJoinColumn keyColumn = reader.type().getAnnotation(PrimaryKeyJoinColumn.class);
        if (keyColumn == null) {
            return;
        }
        if (!joined || reader.parent() == null) {
            problems.add(name + " has @PrimaryKeyJoinColumn, which names the key column of a subclass's own table in a"
                    + " JOINED hierarchy, but " + name + " is no subclass of one: remove it");
        } else if (reader.compositeKey() != null) {
            problems.add(name + " has @PrimaryKeyJoinColumn, but its hierarchy has a composite key, whose columns keep"
                    + " their names in every table: remove it");
        }
    }

    private void checkDiscriminatorValues(Map<Class<?>, EntityReader> readers) {
        Map<EntityReader, Map<Object, Class<?>>> byRoot = new HashMap<>();
        for (EntityReader reader : readers.values()) {
            if (reader.parent() == null || Modifier.isAbstract(reader.type().getModifiers()) || isJoined(reader)) {
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
        JoinedTables tables = new JoinedTables();
        for (List<EntityReader> leaves : concreteBelow.values()) {
            for (EntityReader leaf : leaves) {
                concrete.computeIfAbsent(leaf, r -> isJoined(r) ? tables.concrete(r) : concreteMapping(r));
            }
        }
        for (EntityReader reader : readers.values()) {
            List<EntityReader> below = concreteBelow.get(reader);
            if (below == null) {
                continue;
            }
            EntityMapping mapping = !Modifier.isAbstract(reader.type().getModifiers()) ? concrete.get(reader)
                    : isJoined(reader) ? joinedView(reader, below, concrete, tables) : view(reader, below, concrete);
            mappings.put(reader.type(), mapping);
        }
        return mappings;
    }

    /**
     * The tables of a {@code JOINED} hierarchy, one mapping each, made once per class: the root's
     * with its columns, each subclass's with the key (named like the root's, or as its
     * {@code @PrimaryKeyJoinColumn} says) and the columns and foreign keys the class adds.
     */
    private static final class JoinedTables {
        private final Map<EntityReader, EntityMapping> byReader = new IdentityHashMap<>();

        /** The tables from the root down to the reader's own. */
        List<EntityMapping> path(EntityReader reader) {
            List<EntityMapping> path = reader.parent() == null ? new ArrayList<>() : path(reader.parent());
            EntityMapping table = byReader.get(reader);
            if (table == null) {
                table = table(reader, path);
                byReader.put(reader, table);
            }
            path.add(table);
            return path;
        }

        private EntityMapping table(EntityReader reader, List<EntityMapping> above) {
            EntityReader parent = reader.parent();
            if (parent == null) {
                return reader.toMapping(reader.table(), reader.columns(), reader.relationships(), reader.idGeneration(),
                        reader.compositeKey());
            }
            Set<Object> inherited = Collections.newSetFromMap(new IdentityHashMap<>());
            inherited.addAll(parent.columns());
            inherited.addAll(parent.relationships());
            List<ColumnMapping> columns = new ArrayList<>();
            PrimaryKeyJoinColumn named = reader.type().getAnnotation(PrimaryKeyJoinColumn.class);
            for (ColumnMapping column : parent.columns()) {
                if (column.role() == ColumnMapping.Role.ID) {
                    columns.add(named == null || named.name().isEmpty() ? column : new ColumnMapping(column.property(),
                            named.name(), column.type(), false, false, ColumnMapping.Role.ID, column.accessor()));
                }
            }
            reader.columns().stream().filter(column -> !inherited.contains(column)).forEach(columns::add);
            List<RelationshipMapping> relationships = reader.relationships().stream()
                    .filter(relationship -> !inherited.contains(relationship)).toList();
            EntityMapping table = reader.toMapping(reader.table(), columns, relationships, IdGeneration.ASSIGNED,
                    reader.compositeKey());
            table.primaryTable(above.get(0));
            return table;
        }

        /** A concrete class: its columns and relationships, read from its tables, named by its root's table. */
        EntityMapping concrete(EntityReader reader) {
            List<EntityMapping> path = path(reader);
            EntityMapping mapping = reader.toMapping(root(reader).table(), reader.columns(), reader.relationships(),
                    reader.idGeneration(), reader.compositeKey());
            mapping.inheritance(new InheritanceMapping(root(reader).type(), -1, List.of(), false, Map.of(), Map.of(),
                    path, path.size()));
            return mapping;
        }
    }

    /**
     * An abstract class of a {@code JOINED} hierarchy: its columns, the class column (which concrete
     * class's table holds the row's key), then those its concrete subclasses add; read from its own
     * tables and every table below it.
     */
    private EntityMapping joinedView(EntityReader reader, List<EntityReader> below,
            Map<EntityReader, EntityMapping> concrete, JoinedTables joinedTables) {
        Set<ColumnMapping> columns = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<RelationshipMapping> relationships = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ColumnMapping> columnList = new ArrayList<>(reader.columns());
        columnList.add(1, new ColumnMapping(JOINED_CLASS_COLUMN, JOINED_CLASS_COLUMN,
                new ColumnType(Integer.class, "integer", "integer[]", Integer.class, ValueConverter.IDENTITY), false,
                false, ColumnMapping.Role.BASIC, FieldAccessor.constant(null)));
        columns.addAll(columnList);
        List<RelationshipMapping> relationshipList = new ArrayList<>(reader.relationships());
        relationships.addAll(relationshipList);
        List<EntityMapping> tables = joinedTables.path(reader);
        int required = tables.size();
        Map<Object, EntityMapping> byValue = new LinkedHashMap<>();
        for (EntityReader leaf : below) {
            EntityMapping mapping = concrete.get(leaf);
            mapping.columns().stream().filter(columns::add).forEach(columnList::add);
            mapping.relationships().stream().filter(relationships::add).forEach(relationshipList::add);
            for (EntityMapping table : mapping.inheritance().tables()) {
                if (tables.stream().noneMatch(known -> known == table)) {
                    tables.add(table);
                }
            }
            byValue.put(byValue.size(), mapping);
        }
        checkColumnNamesAreDistinct(reader, columnList);
        EntityMapping view = reader.toMapping(root(reader).table(), columnList, relationshipList,
                reader.idGeneration(), reader.compositeKey());
        Map<EntityMapping, int[]> positions = new IdentityHashMap<>();
        for (EntityMapping mapping : byValue.values()) {
            positions.put(mapping, mapping.columns().stream().mapToInt(view::columnIndex).toArray());
        }
        view.inheritance(new InheritanceMapping(root(reader).type(), 1, List.copyOf(byValue.keySet()), false, byValue,
                positions, tables, required));
        return view;
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
