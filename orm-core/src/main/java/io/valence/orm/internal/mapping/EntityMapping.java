package io.valence.orm.internal.mapping;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable mapping of one entity class to its table: columns in declaration order (the id
 * first), relationships, id generation, version column and declared indexes; its place in an
 * inheritance hierarchy is set once while the metamodel is read, before anything else sees it.
 */
public final class EntityMapping {
    private final Class<?> type;
    private final String table;
    private final List<ColumnMapping> columns;
    private final ColumnMapping id;
    private final KeyMapping key;
    private final ColumnMapping version;
    private final IdGeneration idGeneration;
    private final List<RelationshipMapping> relationships;
    private final List<IndexMapping> indexes;
    private final MethodHandle constructor;
    private final LifecycleCallbacks callbacks;
    private final Map<String, ColumnMapping> columnsByProperty = new LinkedHashMap<>();
    private final Map<String, RelationshipMapping> relationshipsByName = new LinkedHashMap<>();
    /** By column position, the owning relationship whose foreign key the column is, else null; read per loaded row. */
    private final RelationshipMapping[] owningByColumn;
    /** By relationship position, the positions of an owning one's foreign key columns (one per key part of its target). */
    private final int[][] foreignKeyColumns;
    /** By column position, the same positions for a foreign key column (read per loaded row), else null. */
    private final int[][] foreignKeyColumnsByColumn;
    /** Positions of the columns whose values change in place, and of those that keep less than a field holds. */
    private final int[] mutableColumns;
    private final int[] storedColumns;
    /** The embedded values, outer ones first, and the positions of each one's columns; arrays, as loads read them per row. */
    private final FieldAccessor[] embeddedHolders;
    private final int[][] embeddedColumns;
    /** The place in a SINGLE_TABLE hierarchy, or null; set once while the metamodel is read. */
    private InheritanceMapping inheritance;
    /** For the table of a subclass in a {@code JOINED} hierarchy: the root's table, which its key references. */
    private EntityMapping primaryTable;

    EntityMapping(
            Class<?> type,
            String table,
            List<ColumnMapping> columns,
            IdGeneration idGeneration,
            List<RelationshipMapping> relationships,
            List<IndexMapping> indexes,
            MethodHandle constructor,
            LifecycleCallbacks callbacks,
            KeyMapping key) {
        this.type = type;
        this.callbacks = callbacks;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.idGeneration = idGeneration;
        this.relationships = List.copyOf(relationships);
        this.indexes = List.copyOf(indexes);
        this.constructor = constructor;
        ColumnMapping idColumn = null;
        ColumnMapping versionColumn = null;
        for (ColumnMapping column : columns) {
            columnsByProperty.putIfAbsent(column.property(), column); // a composite foreign key: its first column
            if (column.role() == ColumnMapping.Role.ID) {
                idColumn = column;
            } else if (column.role() == ColumnMapping.Role.VERSION) {
                versionColumn = column;
            }
        }
        for (RelationshipMapping relationship : relationships) {
            relationshipsByName.put(relationship.name(), relationship);
        }
        this.key = key != null ? key : KeyMapping.single(idColumn);
        this.id = this.key.isComposite() ? null : idColumn;
        this.version = versionColumn;
        this.mutableColumns = positions(this.columns, column -> column.type().mutable());
        this.storedColumns = positions(this.columns, column -> column.type().stored() != null
                && column.role() != ColumnMapping.Role.FOREIGN_KEY);
        List<Map.Entry<FieldAccessor, int[]>> embedded = embeddedValues(this.columns);
        this.embeddedHolders = embedded.stream().map(Map.Entry::getKey).toArray(FieldAccessor[]::new);
        this.embeddedColumns = embedded.stream().map(Map.Entry::getValue).toArray(int[][]::new);
        this.owningByColumn = new RelationshipMapping[this.columns.size()];
        this.foreignKeyColumns = new int[this.relationships.size()][];
        this.foreignKeyColumnsByColumn = new int[this.columns.size()][];
        for (int r = 0; r < this.relationships.size(); r++) {
            RelationshipMapping relationship = this.relationships.get(r);
            foreignKeyColumns[r] = !relationship.isOwning() ? new int[0] : positions(this.columns,
                    column -> column.isForeignKey() && column.property().equals(relationship.name()));
            for (int column : foreignKeyColumns[r]) {
                owningByColumn[column] = relationship;
                foreignKeyColumnsByColumn[column] = foreignKeyColumns[r];
            }
        }
    }

    private static int[] positions(List<ColumnMapping> columns, java.util.function.Predicate<ColumnMapping> test) {
        return java.util.stream.IntStream.range(0, columns.size()).filter(i -> test.test(columns.get(i))).toArray();
    }

    private static List<Map.Entry<FieldAccessor, int[]>> embeddedValues(List<ColumnMapping> columns) {
        Map<FieldAccessor, List<Integer>> byHolder = new java.util.IdentityHashMap<>();
        Map<FieldAccessor, Integer> depth = new java.util.IdentityHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            List<FieldAccessor> chain = new ArrayList<>();
            for (FieldAccessor holder = columns.get(i).accessor().holder(); holder != null; holder = holder.holder()) {
                chain.add(holder);
            }
            for (int level = 0; level < chain.size(); level++) {
                byHolder.computeIfAbsent(chain.get(level), h -> new ArrayList<>()).add(i);
                depth.put(chain.get(level), chain.size() - level);
            }
        }
        return byHolder.entrySet().stream()
                .sorted(java.util.Comparator.comparing(entry -> depth.get(entry.getKey())))
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().stream().mapToInt(Integer::intValue).toArray()))
                .toList();
    }

    /**
     * Sets each embedded value whose columns in a loaded row are all NULL to {@code null}, as JPA
     * reads such a row: loading into an object that held a value (a refresh) would otherwise leave
     * an embedded value with only null fields.
     *
     * @param entity the object the row was loaded into
     * @param row the row's values in column order
     */
    public void clearEmptyEmbedded(Object entity, Object[] row) {
        for (int e = 0; e < embeddedHolders.length; e++) {
            boolean empty = true;
            for (int column : embeddedColumns[e]) {
                empty &= row[column] == null;
            }
            if (empty) {
                embeddedHolders[e].set(entity, null);
            }
        }
    }

    /** @return positions in {@link #columns()} of the columns whose values can change in place */
    public int[] mutableColumns() {
        return mutableColumns;
    }

    /** @return positions in {@link #columns()} of the columns that keep less than a field may hold */
    public int[] storedColumns() {
        return storedColumns;
    }

    /** @return the mapped class */
    public Class<?> type() {
        return type;
    }

    /** @return the simple class name, as messages show it */
    public String name() {
        return type.getSimpleName();
    }

    /** @return the table name, unquoted */
    public String table() {
        return table;
    }

    /** @return every column, the id first, foreign keys included */
    public List<ColumnMapping> columns() {
        return columns;
    }

    /**
     * The primary key column of an entity with a single {@code @Id}.
     *
     * @return the column
     * @throws IllegalStateException for a composite key, whose columns {@link #key()} gives
     */
    public ColumnMapping id() {
        if (id == null) {
            throw new IllegalStateException(name() + " has a composite key; read its columns from key().parts()");
        }
        return id;
    }

    /** @return the primary key: its columns and how key values are built */
    public KeyMapping key() {
        return key;
    }

    /** @return the {@code @Version} column, or {@code null} */
    public ColumnMapping version() {
        return version;
    }

    /** @return how ids are produced */
    public IdGeneration idGeneration() {
        return idGeneration;
    }

    /** @return every relationship, owning and inverse */
    public List<RelationshipMapping> relationships() {
        return relationships;
    }

    /** @return the lifecycle callbacks, run at the moments JPA defines */
    public LifecycleCallbacks callbacks() {
        return callbacks;
    }

    /** @return indexes and unique constraints declared on {@code @Table} */
    public List<IndexMapping> indexes() {
        return indexes;
    }

    /**
     * Finds a column by property name (a foreign key by its relationship's name).
     *
     * @param property the Java name
     * @return the column, or {@code null}
     */
    public ColumnMapping column(String property) {
        return columnsByProperty.get(property);
    }

    /**
     * Finds a relationship by name.
     *
     * @param name the property name
     * @return the relationship, or {@code null}
     */
    public RelationshipMapping relationship(String name) {
        return relationshipsByName.get(name);
    }

    /**
     * The position of one of this entity's columns in {@link #columns()}. Compares by identity, as
     * the per-row paths (snapshots, dirty checks) call it with the mapping's own objects, and the
     * lists are short.
     *
     * @param column one of this entity's columns
     * @return its index
     * @throws IllegalArgumentException when the column belongs to another entity
     */
    public int columnIndex(ColumnMapping column) {
        int index = identityIndex(columns, column);
        if (index < 0) {
            throw new IllegalArgumentException(column.column() + " is not a column of " + table);
        }
        return index;
    }

    /**
     * The position of one of this entity's relationships in {@link #relationships()}, by identity.
     *
     * @param relationship one of this entity's relationships
     * @return its index
     * @throws IllegalArgumentException when the relationship belongs to another entity
     */
    public int relationshipIndex(RelationshipMapping relationship) {
        int index = identityIndex(relationships, relationship);
        if (index < 0) {
            throw new IllegalArgumentException(relationship.name() + " is not a relationship of " + name());
        }
        return index;
    }

    /** The position of {@code item} in {@code items} compared by identity, or -1. */
    private static int identityIndex(List<?> items, Object item) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == item) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The owning relationship whose foreign key is the column at a position, without a search: a
     * load asks once per foreign key of every row.
     *
     * @param columnIndex a position in {@link #columns()}
     * @return the relationship, or {@code null} when the column is no foreign key
     */
    public RelationshipMapping owningRelationshipAt(int columnIndex) {
        return owningByColumn[columnIndex];
    }

    /**
     * The owning relationship whose foreign key is the given column.
     *
     * @param foreignKey a foreign-key column of this entity
     * @return the relationship that owns it
     * @throws IllegalArgumentException when no relationship of this entity owns the column
     */
    public RelationshipMapping relationshipOf(ColumnMapping foreignKey) {
        int index = identityIndex(columns, foreignKey);
        if (index < 0 || owningByColumn[index] == null) {
            throw new IllegalArgumentException(foreignKey.column() + " is not a foreign key of " + table);
        }
        return owningByColumn[index];
    }

    /**
     * The positions of an owning relationship's foreign key columns: one, or one per key part when
     * the target has a composite key, in the order of its parts.
     *
     * @param owning an owning relationship of this entity
     * @return positions in {@link #columns()}
     */
    public int[] foreignKeyColumns(RelationshipMapping owning) {
        return foreignKeyColumns[relationshipIndex(owning)];
    }

    /**
     * The positions of the foreign key columns that the column at a position belongs to, without a
     * search: a load asks once per foreign key of every row.
     *
     * @param columnIndex the position of a foreign key column in {@link #columns()}
     * @return the positions of its foreign key's columns, one per key part of the target
     */
    public int[] foreignKeyColumnsAt(int columnIndex) {
        return foreignKeyColumnsByColumn[columnIndex];
    }

    /**
     * Which key part of its target a foreign key column holds.
     *
     * @param foreignKey a foreign key column of this entity
     * @return 0 for a single-column foreign key, else the part's position in the target's key
     */
    public int foreignKeyPart(ColumnMapping foreignKey) {
        int index = columnIndex(foreignKey);
        int[] positions = foreignKeyColumnsByColumn[index];
        for (int part = 0; positions != null && part < positions.length; part++) {
            if (positions[part] == index) {
                return part;
            }
        }
        throw new IllegalArgumentException(foreignKey.column() + " is not a foreign key of " + table);
    }

    /**
     * The key of the row a to-one refers to, from a row's values (loaded, or a snapshot).
     *
     * @param owning an owning relationship of this entity
     * @param target the target's mapping
     * @param values the values in column order
     * @return the target's key, or {@code null} when the foreign key is (partly) NULL
     */
    public Object targetKey(RelationshipMapping owning, EntityMapping target, Object[] values) {
        int[] positions = foreignKeyColumns(owning);
        if (positions.length == 1) {
            return values[positions[0]];
        }
        Object[] parts = new Object[positions.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = values[positions[i]];
            if (parts[i] == null) {
                return null;
            }
        }
        return target.key().keyOfRow(parts);
    }

    /**
     * Every property name a query may use: columns and relationships.
     *
     * @return the names in declaration order
     */
    public List<String> propertyNames() {
        List<String> names = new ArrayList<>(columnsByProperty.keySet());
        for (String relationship : relationshipsByName.keySet()) {
            if (!names.contains(relationship)) {
                names.add(relationship);
            }
        }
        return names;
    }

    /**
     * Creates an empty instance through the no-arg constructor.
     *
     * @return a new instance
     */
    public Object instantiate() {
        try {
            return constructor.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("The no-arg constructor of " + type.getName() + " failed", e);
        }
    }

    /**
     * Reads the id of an instance.
     *
     * @param entity an instance of this class
     * @return the id (for a composite key, a new key object built from the parts), or {@code null}
     *     while not assigned (for a composite key, while a part is missing)
     */
    public Object idOf(Object entity) {
        return key.keyOf(entity);
    }

    /**
     * The mapping's place in a {@code SINGLE_TABLE} hierarchy.
     *
     * @return it, or {@code null} for an entity that neither extends nor is extended by another
     */
    public InheritanceMapping inheritance() {
        return inheritance;
    }

    /**
     * Whether a relationship is one of this entity's. Outside a hierarchy every relationship a query
     * loads is; a query of a base class may load one that only some of its subclasses declare.
     *
     * @param relationship a relationship of this entity or of a class of its hierarchy
     * @return {@code true} when objects of this entity hold it
     */
    public boolean declares(RelationshipMapping relationship) {
        return inheritance == null || identityIndex(relationships, relationship) >= 0;
    }

    void inheritance(InheritanceMapping inheritance) {
        this.inheritance = inheritance;
    }

    /**
     * The tables an object of this class is written to, each as a mapping of its key and the columns
     * it holds.
     *
     * @return this mapping alone, or for a class of a {@code JOINED} hierarchy its root's table and
     *     each subclass's table down to its own
     */
    public List<EntityMapping> tables() {
        return inheritance != null && inheritance.isJoined() ? inheritance.tables() : List.of(this);
    }

    /**
     * The root table a subclass's table extends in a {@code JOINED} hierarchy.
     *
     * @return the root's table, whose key this table's key references; null for any other table
     */
    public EntityMapping primaryTable() {
        return primaryTable;
    }

    void primaryTable(EntityMapping primaryTable) {
        this.primaryTable = primaryTable;
    }

    /**
     * The class that keys this entity's objects in the identity map and in entity keys: the
     * hierarchy's root, so that a row has one object whichever class it is looked up by.
     *
     * @return the root class, or the mapped class outside a hierarchy
     */
    public Class<?> identityType() {
        return inheritance == null ? type : inheritance.root();
    }

    @Override
    public String toString() {
        return "EntityMapping[" + name() + " -> " + table + "]";
    }
}
