package io.valence.orm.internal.schema;

import static io.valence.orm.internal.sql.Identifiers.quote;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.IdGeneration;
import io.valence.orm.internal.mapping.IndexMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the PostgreSQL DDL of a metamodel. {@link #create} gives sequences, then tables with each table
 * after the tables it references, then the link tables of many-to-many relationships, then the foreign
 * keys of table cycles, then indexes: one per declared
 * {@code @Index} and one per foreign key column that no index or unique constraint already leads with.
 * {@link #drop} undoes it in reverse order. Every identifier is quoted; the output does not depend on the
 * order in which entities were registered.
 */
public final class SchemaRenderer {
    private final Metamodel metamodel;
    private final TableOrder order;
    private final ObjectNames names = new ObjectNames();
    private final Map<String, Integer> sequences = new LinkedHashMap<>();
    private final List<String> createTables = new ArrayList<>();
    private final List<String> addForeignKeys = new ArrayList<>();
    private final List<String> dropForeignKeys = new ArrayList<>();
    private final List<String> createIndexes = new ArrayList<>();
    /** The link tables of many-to-many relationships, in creation order. */
    private final List<String> linkTables = new ArrayList<>();

    private SchemaRenderer(Metamodel metamodel) {
        this.metamodel = metamodel;
        this.order = TableOrder.of(metamodel);
        reserveGivenNames();
        for (EntityMapping table : order.tables()) {
            renderTable(table);
        }
        for (EntityMapping table : order.tables()) {
            for (RelationshipMapping relationship : table.relationships()) {
                if (relationship.isLinked() && relationship.link().inTargetTable()) {
                    renderJoinColumnConstraint(table, relationship.link());
                } else if (relationship.isLinked() && relationship.link().owning()) {
                    renderLinkTable(table, relationship);
                }
            }
        }
    }

    /**
     * The statements that create the schema of a metamodel on an empty database, in the order to run them.
     *
     * @param metamodel the entities
     * @return CREATE SEQUENCE, CREATE TABLE, ALTER TABLE … ADD CONSTRAINT and CREATE INDEX statements, without
     *     trailing semicolons
     */
    public static List<String> create(Metamodel metamodel) {
        SchemaRenderer renderer = new SchemaRenderer(metamodel);
        List<String> statements = new ArrayList<>();
        renderer.sequences.forEach((sequence, increment) ->
                statements.add("CREATE SEQUENCE " + quote(sequence) + " INCREMENT BY " + increment));
        statements.addAll(renderer.createTables);
        statements.addAll(renderer.addForeignKeys);
        statements.addAll(renderer.createIndexes);
        return List.copyOf(statements);
    }

    /**
     * The statements that drop what {@link #create} creates, in the order to run them. Each tolerates an
     * object that is already gone ({@code IF EXISTS}); none cascades to objects Valence did not create.
     *
     * @param metamodel the entities
     * @return ALTER TABLE … DROP CONSTRAINT for foreign keys between tables of a cycle, DROP TABLE children
     *     first, then DROP SEQUENCE
     */
    public static List<String> drop(Metamodel metamodel) {
        SchemaRenderer renderer = new SchemaRenderer(metamodel);
        List<String> statements = new ArrayList<>(renderer.dropForeignKeys);
        Collections.reverse(statements);
        List<String> linkTables = new ArrayList<>(renderer.linkTables);
        Collections.reverse(linkTables);
        linkTables.forEach(table -> statements.add("DROP TABLE IF EXISTS " + quote(table)));
        List<EntityMapping> tables = new ArrayList<>(renderer.order.tables());
        Collections.reverse(tables);
        tables.forEach(table -> statements.add("DROP TABLE IF EXISTS " + quote(table.table())));
        List<String> sequences = new ArrayList<>(renderer.sequences.keySet());
        Collections.reverse(sequences);
        sequences.forEach(sequence -> statements.add("DROP SEQUENCE IF EXISTS " + quote(sequence)));
        return List.copyOf(statements);
    }

    /** Tables, sequences and declared index names are taken before any name is chosen, so none is chosen twice. */
    private void reserveGivenNames() {
        for (EntityMapping table : order.tables()) {
            names.reserve(table.table());
            IdGeneration generation = table.idGeneration();
            if (generation.strategy() == IdGeneration.Strategy.SEQUENCE) {
                names.reserve(generation.sequence());
                sequences.putIfAbsent(generation.sequence(), generation.allocationSize());
            }
            table.indexes().stream().map(IndexMapping::name).filter(name -> name != null).forEach(names::reserve);
            table.relationships().stream().filter(r -> r.isLinked() && r.link().owning() && !r.link().inTargetTable())
                    .forEach(r -> names.reserve(r.link().table()));
        }
    }

    private void renderTable(EntityMapping table) {
        List<String> definitions = new ArrayList<>();
        for (ColumnMapping column : table.columns()) {
            definitions.add(column(table, column));
        }
        for (RelationshipMapping.LinkTable joinColumn : joinColumnsOn(table)) {
            definitions.add(quote(joinColumn.ownColumn()) + " " + joinColumn.ownType().ddlType());
        }
        for (RelationshipMapping relationship : compositeForeignKeys(table)) {
            String foreignKey = compositeForeignKey(table, relationship);
            if (foreignKey != null) {
                definitions.add(foreignKey);
            }
        }
        if (table.key().isComposite()) {
            String primaryKey = constraint(table, List.of(), "pkey");
            List<String> keyColumns = table.key().parts().stream().map(ColumnMapping::column).toList();
            definitions.add((primaryKey.isEmpty() ? "" : primaryKey.stripLeading() + " ") + "PRIMARY KEY ("
                    + columnList(keyColumns) + ")");
            if (table.primaryTable() != null) { // a JOINED subclass's table: its key is its root's row's
                String foreignKey = constraint(table, keyColumns, "fkey");
                definitions.add((foreignKey.isEmpty() ? "" : foreignKey.stripLeading() + " ") + "FOREIGN KEY ("
                        + columnList(keyColumns) + ") REFERENCES " + quote(table.primaryTable().table()) + " ("
                        + columnList(keyColumns) + ")");
            }
        }
        for (IndexMapping index : table.indexes()) {
            if (index.unique()) {
                String name = index.name() != null ? index.name() : names.choose(table.table(), index.columns(), "key");
                definitions.add("CONSTRAINT " + quote(name) + " UNIQUE (" + columnList(index.columns()) + ")");
            }
        }
        createTables.add("CREATE TABLE " + quote(table.table()) + " (\n    " + String.join(",\n    ", definitions) + "\n)");
        for (IndexMapping index : table.indexes()) {
            if (!index.unique()) {
                String name = index.name() != null ? index.name() : names.choose(table.table(), index.columns(), "idx");
                createIndexes.add(createIndex(name, table, index.columns()));
            }
        }
        for (RelationshipMapping relationship : compositeForeignKeys(table)) {
            List<String> columns = foreignKeyColumnNames(table, relationship);
            if (!isLeadingColumn(table, table.columns().get(table.foreignKeyColumns(relationship)[0]))) {
                createIndexes.add(createIndex(names.choose(table.table(), columns, "idx"), table, columns));
            }
        }
        for (ColumnMapping column : table.columns()) {
            if (column.isForeignKey() && !isLeadingColumn(table, column) && !isCompositeForeignKey(table, column)) {
                createIndexes.add(createIndex(names.choose(table.table(), List.of(column.column()), "idx"), table,
                        List.of(column.column())));
            }
        }
    }

    /**
     * {@code CREATE TABLE "order_tag" ("order_id" bigint NOT NULL REFERENCES "order" ("id"), "tag_id"
     * bigint NOT NULL REFERENCES "tag" ("id"), PRIMARY KEY ("order_id", "tag_id"))}, after every
     * entity table, and an index on the second column (the key's index serves the first).
     */
    private void renderLinkTable(EntityMapping owner, RelationshipMapping relationship) {
        RelationshipMapping.LinkTable link = relationship.link();
        EntityMapping target = metamodel.entity(relationship.target());
        String table = link.table();
        List<String> key = List.of(link.ownColumn(), link.otherColumn());
        String primaryKey = constraint(table, List.of(), "pkey");
        String definitions = linkColumn(table, link.ownColumn(), link.ownType().ddlType(), owner) + ",\n    "
                + linkColumn(table, link.otherColumn(), link.otherType().ddlType(), target) + ",\n    "
                + (primaryKey.isEmpty() ? "" : primaryKey.stripLeading() + " ") + "PRIMARY KEY (" + columnList(key) + ")";
        createTables.add("CREATE TABLE " + quote(table) + " (\n    " + definitions + "\n)");
        createIndexes.add(createIndex(names.choose(table, List.of(link.otherColumn()), "idx"), table,
                List.of(link.otherColumn())));
        linkTables.add(table);
    }

    /**
     * The foreign key columns that unidirectional one-to-many relationships of other entities put on
     * a table (no field of its entity maps them); nullable, as elements are linked after their insert.
     */
    private List<RelationshipMapping.LinkTable> joinColumnsOn(EntityMapping table) {
        List<RelationshipMapping.LinkTable> joinColumns = new ArrayList<>();
        for (EntityMapping owner : order.tables()) {
            for (RelationshipMapping relationship : owner.relationships()) {
                if (relationship.isLinked() && relationship.link().inTargetTable()
                        && relationship.link().table().equals(table.table())) {
                    joinColumns.add(relationship.link());
                }
            }
        }
        return joinColumns;
    }

    /**
     * The foreign key and index of a unidirectional one-to-many's column, added once every table
     * exists: {@code ALTER TABLE "line" ADD CONSTRAINT "line_invoice_id_fkey" FOREIGN KEY
     * ("invoice_id") REFERENCES "invoice" ("id")}.
     */
    private void renderJoinColumnConstraint(EntityMapping owner, RelationshipMapping.LinkTable link) {
        List<String> column = List.of(link.ownColumn());
        String name = names.choose(link.table(), column, "fkey");
        addForeignKeys.add("ALTER TABLE " + quote(link.table()) + " ADD CONSTRAINT " + quote(name) + " FOREIGN KEY ("
                + quote(link.ownColumn()) + ") REFERENCES " + quote(owner.table()) + " (" + quote(owner.id().column()) + ")");
        dropForeignKeys.add("ALTER TABLE IF EXISTS " + quote(link.table()) + " DROP CONSTRAINT IF EXISTS " + quote(name));
        createIndexes.add(createIndex(names.choose(link.table(), column, "idx"), link.table(), column));
    }

    private String linkColumn(String table, String column, String ddlType, EntityMapping references) {
        return quote(column) + " " + ddlType + " NOT NULL" + constraint(table, List.of(column), "fkey")
                + " REFERENCES " + quote(references.table()) + " (" + quote(references.id().column()) + ")";
    }

    private String column(EntityMapping table, ColumnMapping column) {
        StringBuilder definition = new StringBuilder(quote(column.column())).append(' ').append(column.type().ddlType());
        List<String> ownColumn = List.of(column.column());
        if (column.role() == ColumnMapping.Role.ID && table.key().isComposite()) {
            return definition.append(" NOT NULL").toString(); // one PRIMARY KEY over every part follows the columns
        }
        if (column.role() == ColumnMapping.Role.ID) {
            if (table.idGeneration().strategy() == IdGeneration.Strategy.IDENTITY) {
                definition.append(" GENERATED BY DEFAULT AS IDENTITY");
                names.choose(table.table(), ownColumn, "seq"); // the identity's own sequence
            }
            definition.append(constraint(table, List.of(), "pkey")).append(" PRIMARY KEY");
            if (table.primaryTable() != null) { // a JOINED subclass's table: its key is its root's row's
                definition.append(constraint(table, ownColumn, "fkey")).append(" REFERENCES ")
                        .append(quote(table.primaryTable().table())).append(" (")
                        .append(quote(table.primaryTable().id().column())).append(")");
            }
            return definition.toString();
        }
        if (!column.nullable()) {
            definition.append(" NOT NULL");
        }
        if (column.unique()) {
            definition.append(constraint(table, ownColumn, "key")).append(" UNIQUE");
        }
        RelationshipMapping foreignKey = isCompositeForeignKey(table, column) ? null : foreignKeyOf(table, column);
        if (foreignKey != null) {
            if (order.deferred().contains(foreignKey)) {
                String name = names.choose(table.table(), ownColumn, "fkey");
                addForeignKeys.add("ALTER TABLE " + quote(table.table()) + " ADD CONSTRAINT " + quote(name)
                        + " FOREIGN KEY (" + quote(column.column()) + ")" + references(foreignKey));
                dropForeignKeys.add("ALTER TABLE IF EXISTS " + quote(table.table()) + " DROP CONSTRAINT IF EXISTS "
                        + quote(name));
            } else {
                definition.append(constraint(table, ownColumn, "fkey")).append(references(foreignKey));
            }
        }
        return definition.toString();
    }

    /**
     * Takes the name PostgreSQL will give an inline constraint. It is left to PostgreSQL (nothing is
     * rendered) unless it is taken, in which case the free name chosen instead is written out.
     */
    private String constraint(EntityMapping table, List<String> columns, String label) {
        return constraint(table.table(), columns, label);
    }

    private String constraint(String table, List<String> columns, String label) {
        String name = names.choose(table, columns, label);
        return name.equals(ObjectNames.preferred(table, columns, label)) ? "" : " CONSTRAINT " + quote(name);
    }

    /** The owning relationships of a table whose target has a composite key: a foreign key over several columns. */
    private List<RelationshipMapping> compositeForeignKeys(EntityMapping table) {
        return table.relationships().stream().filter(relationship -> relationship.isOwning()
                && table.foreignKeyColumns(relationship).length > 1).toList();
    }

    private static boolean isCompositeForeignKey(EntityMapping table, ColumnMapping column) {
        return column.isForeignKey() && table.foreignKeyColumns(table.relationshipOf(column)).length > 1;
    }

    private static List<String> foreignKeyColumnNames(EntityMapping table, RelationshipMapping relationship) {
        return Arrays.stream(table.foreignKeyColumns(relationship)).mapToObj(i -> table.columns().get(i).column())
                .toList();
    }

    /**
     * {@code FOREIGN KEY ("order_id", "line_no") REFERENCES "order_line" ("order_id", "line_no")} as a
     * table constraint; {@code null} when it closes a cycle and is added after every table instead.
     */
    private String compositeForeignKey(EntityMapping table, RelationshipMapping relationship) {
        List<String> columns = foreignKeyColumnNames(table, relationship);
        EntityMapping target = metamodel.entity(relationship.target());
        String constraint = "FOREIGN KEY (" + columnList(columns) + ") REFERENCES " + quote(target.table()) + " ("
                + columnList(target.key().parts().stream().map(ColumnMapping::column).toList()) + ")";
        if (order.deferred().contains(relationship)) {
            String name = names.choose(table.table(), columns, "fkey");
            addForeignKeys.add("ALTER TABLE " + quote(table.table()) + " ADD CONSTRAINT " + quote(name) + " " + constraint);
            dropForeignKeys.add("ALTER TABLE IF EXISTS " + quote(table.table()) + " DROP CONSTRAINT IF EXISTS "
                    + quote(name));
            return null;
        }
        String name = constraint(table, columns, "fkey");
        return (name.isEmpty() ? "" : name.stripLeading() + " ") + constraint;
    }

    private String references(RelationshipMapping foreignKey) {
        EntityMapping target = metamodel.entity(foreignKey.target());
        return " REFERENCES " + quote(target.table()) + " (" + quote(target.id().column()) + ")";
    }

    private static RelationshipMapping foreignKeyOf(EntityMapping table, ColumnMapping column) {
        return TableOrder.foreignKeys(table).stream()
                .filter(relationship -> relationship.foreignKey().column().equals(column.column()))
                .findFirst()
                .orElse(null);
    }

    /** Whether a unique constraint or an index already starts with the column, which makes another index useless. */
    private static boolean isLeadingColumn(EntityMapping table, ColumnMapping column) {
        return column.unique() || table.indexes().stream().anyMatch(index -> index.columns().get(0).equals(column.column()));
    }

    private static String createIndex(String name, EntityMapping table, List<String> columns) {
        return createIndex(name, table.table(), columns);
    }

    private static String createIndex(String name, String table, List<String> columns) {
        return "CREATE INDEX " + quote(name) + " ON " + quote(table) + " (" + columnList(columns) + ")";
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(column -> quote(column)).collect(Collectors.joining(", "));
    }
}
