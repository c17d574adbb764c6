package io.valence.orm.internal.schema;

import static io.valence.orm.internal.sql.Identifiers.quote;

import io.valence.orm.SchemaDifference;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.IdGeneration;
import io.valence.orm.internal.mapping.IndexMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a metamodel with the database's catalog and lists every difference that would make a
 * statement of Valence fail or lose a guarantee, each with its fix: a missing table (its CREATE
 * TABLE), a missing column, another type, a NOT NULL the mapping does not know or lacks, a generated
 * id without a default, a unique constraint without a unique index, a foreign key column without an
 * index, and a NOT NULL column without default that the mapping does not write. Extra nullable
 * columns and extra indexes are fine. Pure: the catalog comes in as data.
 */
public final class SchemaComparison {
    private final Metamodel metamodel;
    private final Map<String, Map<String, DatabaseCatalog.Column>> columnsByTable = new LinkedHashMap<>();
    private final Map<String, List<DatabaseCatalog.Index>> indexesByTable = new LinkedHashMap<>();
    private final List<SchemaDifference> differences = new ArrayList<>();

    private SchemaComparison(Metamodel metamodel, DatabaseCatalog catalog) {
        this.metamodel = metamodel;
        catalog.columns().forEach(column ->
                columnsByTable.computeIfAbsent(column.table(), table -> new LinkedHashMap<>()).put(column.name(), column));
        catalog.indexes().forEach(index -> indexesByTable.computeIfAbsent(index.table(), table -> new ArrayList<>()).add(index));
    }

    /**
     * The tables a metamodel maps, whose catalog entries {@link #compare} needs.
     *
     * @param metamodel the entities
     * @return the table names, in creation order
     */
    public static List<String> tables(Metamodel metamodel) {
        List<String> tables = new ArrayList<>(TableOrder.of(metamodel).tables().stream().map(EntityMapping::table).toList());
        for (EntityMapping table : TableOrder.of(metamodel).tables()) {
            for (RelationshipMapping relationship : table.relationships()) {
                if (isLinkTable(relationship)) {
                    tables.add(relationship.link().table());
                }
            }
        }
        return List.copyOf(tables);
    }

    private static boolean isLinkTable(RelationshipMapping relationship) {
        return relationship.isLinked() && relationship.link().owning() && !relationship.link().inTargetTable();
    }

    /**
     * Lists the differences.
     *
     * @param metamodel the entities
     * @param catalog what the database holds for {@link #tables}
     * @return every difference with its fix, table by table in creation order; empty when they match
     */
    public static List<SchemaDifference> compare(Metamodel metamodel, DatabaseCatalog catalog) {
        SchemaComparison comparison = new SchemaComparison(metamodel, catalog);
        for (EntityMapping table : TableOrder.of(metamodel).tables()) {
            comparison.compareTable(table);
        }
        for (EntityMapping table : TableOrder.of(metamodel).tables()) {
            for (RelationshipMapping relationship : table.relationships()) {
                if (relationship.isLinked() && relationship.link().owning()) {
                    comparison.compareLink(table, relationship);
                }
            }
        }
        return List.copyOf(comparison.differences);
    }

    private void compareTable(EntityMapping table) {
        Map<String, DatabaseCatalog.Column> found = columnsByTable.get(table.table());
        if (found == null) {
            differences.add(new SchemaDifference(table.table(), null, "Table " + quote(table.table()) + " (entity "
                    + table.name() + ") does not exist.", "create it: " + createTable(table)));
            return;
        }
        Set<String> mapped = new HashSet<>();
        for (ColumnMapping column : table.columns()) {
            mapped.add(column.column());
            DatabaseCatalog.Column existing = found.get(column.column());
            if (existing == null) {
                add(table, column, "is missing.", "ALTER TABLE " + quote(table.table()) + " ADD COLUMN "
                        + quote(column.column()) + " " + column.type().ddlType() + (column.nullable() ? "" : " NOT NULL"));
            } else {
                compareColumn(table, column, existing);
            }
        }
        for (DatabaseCatalog.Column extra : found.values()) {
            if (!mapped.contains(extra.name()) && extra.notNull() && !extra.generated()) {
                differences.add(new SchemaDifference(table.table(), extra.name(), "Column " + quote(extra.name())
                        + " of table " + quote(table.table()) + " is NOT NULL without a default, but entity "
                        + table.name() + " does not map it, so every INSERT of Valence fails.",
                        "map it on " + table.name() + ", or ALTER TABLE " + quote(table.table()) + " ALTER COLUMN "
                                + quote(extra.name()) + " DROP NOT NULL (or SET DEFAULT …)"));
            }
        }
        compareIndexes(table, found);
    }

    /**
     * The columns a many-to-many's link table or a unidirectional one-to-many's join column needs:
     * a missing link table is named with its CREATE TABLE, a missing column with its ADD COLUMN.
     */
    private void compareLink(EntityMapping owner, RelationshipMapping relationship) {
        RelationshipMapping.LinkTable link = relationship.link();
        String where = owner.name() + "." + relationship.name();
        Map<String, DatabaseCatalog.Column> found = columnsByTable.get(link.table());
        if (found == null) {
            if (!link.inTargetTable()) { // a missing element table is reported as such
                differences.add(new SchemaDifference(link.table(), null, "Link table " + quote(link.table()) + " (of "
                        + where + ") does not exist.", "create it: " + createTable(link.table())));
            }
            return;
        }
        String nullability = link.inTargetTable() ? "" : " NOT NULL";
        List<String> columns = link.inTargetTable() ? List.of(link.ownColumn()) : List.of(link.ownColumn(), link.otherColumn());
        for (String column : columns) {
            if (!found.containsKey(column)) {
                String type = (column.equals(link.ownColumn()) ? link.ownType() : link.otherType()).ddlType();
                differences.add(new SchemaDifference(link.table(), column, "Column " + quote(column) + " of table "
                        + quote(link.table()) + " (the " + (link.inTargetTable() ? "@JoinColumn" : "link table") + " of "
                        + where + ") is missing.", "ALTER TABLE " + quote(link.table()) + " ADD COLUMN " + quote(column)
                        + " " + type + nullability));
            }
        }
    }

    private void compareColumn(EntityMapping table, ColumnMapping column, DatabaseCatalog.Column existing) {
        String alter = "ALTER TABLE " + quote(table.table()) + " ALTER COLUMN " + quote(column.column());
        String expected = SqlTypes.canonical(column.type().ddlType());
        if (!expected.equals(existing.type())) {
            add(table, column, "has type " + existing.type() + ", but the mapping expects " + expected + ".",
                    alter + " TYPE " + column.type().ddlType() + ", or change the field's type or @Column");
        }
        if (!column.nullable() && !existing.notNull()) {
            add(table, column, "allows NULL, but the mapping declares it NOT NULL.",
                    alter + " SET NOT NULL, or map it as nullable");
        } else if (column.nullable() && existing.notNull() && column.role() != ColumnMapping.Role.ID) {
            add(table, column, "is NOT NULL, but the mapping allows null, so an INSERT or UPDATE of null fails.",
                    alter + " DROP NOT NULL, or declare @Column(nullable = false) (a primitive field is NOT NULL too)");
        }
        if (column.role() == ColumnMapping.Role.ID && table.idGeneration().strategy() == IdGeneration.Strategy.IDENTITY
                && !existing.generated()) {
            add(table, column, "is the id generated by the database (IDENTITY), but it has no identity or default.",
                    alter + " ADD GENERATED BY DEFAULT AS IDENTITY");
        }
    }

    private void compareIndexes(EntityMapping table, Map<String, DatabaseCatalog.Column> found) {
        List<DatabaseCatalog.Index> indexes = indexesByTable.getOrDefault(table.table(), List.of());
        for (List<String> unique : uniqueColumnSets(table)) {
            boolean present = indexes.stream().anyMatch(index -> index.unique() && Set.copyOf(index.columns()).equals(Set.copyOf(unique)));
            if (!present && found.keySet().containsAll(unique)) {
                differences.add(new SchemaDifference(table.table(), unique.size() == 1 ? unique.get(0) : null,
                        "Table " + quote(table.table()) + " has no unique constraint on " + columnList(unique)
                                + ", which the mapping declares; getOrCreate and duplicate checks rely on it.",
                        "ALTER TABLE " + quote(table.table()) + " ADD CONSTRAINT "
                                + quote(ObjectNames.preferred(table.table(), unique, "key")) + " UNIQUE (" + columnList(unique) + ")"));
            }
        }
        for (ColumnMapping column : table.columns()) {
            String name = column.column();
            // a foreign key over several columns (to a composite key) is indexed by its first column
            if (column.isForeignKey() && table.relationshipOf(column).foreignKey() == column && found.containsKey(name)
                    && indexes.stream().noneMatch(index -> index.columns().get(0).equals(name))) {
                List<String> columns = Arrays.stream(table.foreignKeyColumns(table.relationshipOf(column)))
                        .mapToObj(i -> table.columns().get(i).column()).toList();
                add(table, column, "is a foreign key without an index, so loading " + table.name()
                                + " by it and deleting the rows it references scan the whole table.",
                        "CREATE INDEX " + quote(ObjectNames.preferred(table.table(), columns, "idx")) + " ON "
                                + quote(table.table()) + " (" + columnList(columns) + ")");
            }
        }
    }

    private static List<List<String>> uniqueColumnSets(EntityMapping table) {
        List<List<String>> sets = new ArrayList<>();
        table.columns().stream().filter(ColumnMapping::unique).forEach(column -> sets.add(List.of(column.column())));
        table.indexes().stream().filter(IndexMapping::unique).forEach(index -> sets.add(index.columns()));
        return sets;
    }

    private void add(EntityMapping table, ColumnMapping column, String problem, String fix) {
        differences.add(new SchemaDifference(table.table(), column.column(), "Column " + quote(column.column())
                + " of table " + quote(table.table()) + " (" + table.name() + "." + column.property() + ") " + problem, fix));
    }

    private String createTable(EntityMapping table) {
        return createTable(table.table());
    }

    private String createTable(String table) {
        String prefix = "CREATE TABLE " + quote(table) + " (";
        return SchemaRenderer.create(metamodel).stream()
                .filter(statement -> statement.startsWith(prefix))
                .findFirst()
                .orElseThrow()
                .replace("\n    ", " ")
                .replace("\n", " ");
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(column -> quote(column)).collect(Collectors.joining(", "));
    }
}
