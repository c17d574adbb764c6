package io.valence.orm.internal.mapping;

import jakarta.persistence.Index;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the indexes and unique constraints an entity declares on its {@code @Table}, reporting each
 * one that does not list plain column names of the entity's own table.
 */
final class IndexReader {
    private final EntityReader entity;
    private final List<String> problems;

    /**
     * @param entity the entity, once its foreign keys are resolved, so that every column name is known
     * @param problems where a problem is reported
     */
    IndexReader(EntityReader entity, List<String> problems) {
        this.entity = entity;
        this.problems = problems;
    }

    /** @return the declared indexes and unique constraints that list valid columns, in declaration order */
    List<IndexMapping> read() {
        List<IndexMapping> indexes = new ArrayList<>();
        Table tableAnnotation = entity.type().getAnnotation(Table.class);
        if (tableAnnotation == null) {
            return indexes;
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
        return indexes;
    }

    /** Checks that an index lists existing column names, plain (no ordering); reports each one that does not. */
    private boolean checkColumns(String what, List<String> names) {
        String name = entity.type().getSimpleName();
        if (names.isEmpty()) {
            problems.add(name + " declares " + what + " without columns; list the column names, e.g. columnList ="
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
            ColumnMapping byProperty = entity.columns().stream()
                    .filter(c -> c.property().equals(words[0]) && known.contains(c.column())).findFirst().orElse(null);
            if (words.length > 1 && known.contains(words[0])) {
                problems.add(name + " declares " + what + " with \"" + column + "\"; ordering and options in an index's"
                        + " column list are not supported: list plain column names (\"" + words[0] + "\")");
            } else if (byProperty != null) {
                problems.add(name + " declares " + what + " on \"" + column + "\", which is a field name; indexes list"
                        + " column names: write \"" + byProperty.column() + "\"");
            } else {
                problems.add(name + " declares " + what + " on column \"" + column + "\", which " + name
                        + " does not have; use one of its columns " + known);
            }
        }
        return valid;
    }

    /**
     * The column names of the entity's table: all its columns, or for a subclass with a table of its
     * own ({@code JOINED}) its key and the columns it adds, as the inherited ones are in its parents' tables.
     */
    private List<String> ownTableColumns() {
        EntityReader parent = entity.parent();
        if (parent == null || entity.sharesTable()) {
            return entity.columns().stream().map(ColumnMapping::column).toList();
        }
        PrimaryKeyJoinColumn keyColumn = entity.type().getAnnotation(PrimaryKeyJoinColumn.class);
        List<String> own = new ArrayList<>();
        for (ColumnMapping column : entity.columns()) {
            boolean inherited = parent.columns().stream().anyMatch(other -> other == column);
            if (column.role() == ColumnMapping.Role.ID) {
                own.add(keyColumn == null || keyColumn.name().isEmpty() ? column.column() : keyColumn.name());
            } else if (!inherited) {
                own.add(column.column());
            }
        }
        return own;
    }
}
