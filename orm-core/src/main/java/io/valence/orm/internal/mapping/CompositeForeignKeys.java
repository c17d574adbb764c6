package io.valence.orm.internal.mapping;

import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the foreign key of a to-one whose target has a composite key: one column per key part, in
 * the key's order, all with the relationship's name as property. They are named by
 * {@code @JoinColumns} (one {@code @JoinColumn} per part, matched by {@code referencedColumnName}
 * or else in key order) or, as JPA's defaults say, {@code <relationship>_<referenced column>}.
 */
final class CompositeForeignKeys {
    private CompositeForeignKeys() {}

    /**
     * The foreign key columns, or none after a problem.
     *
     * @param where the field, as messages name it ({@code Line.order})
     * @param field the relationship field
     * @param targetName the target entity's simple name
     * @param targetParts the target's key columns
     * @param optional whether the relationship is optional
     * @param problems receives what is wrong
     * @return the columns, in the key's order
     */
    static List<ColumnMapping> read(String where, Field field, String targetName, List<ColumnMapping> targetParts,
            boolean optional, List<String> problems) {
        JoinColumns joinColumns = field.getAnnotation(JoinColumns.class);
        JoinColumn[] named = joinColumns == null ? new JoinColumn[0] : joinColumns.value();
        if (field.isAnnotationPresent(JoinColumn.class)) {
            problems.add(where + " refers to " + targetName + ", whose key has " + targetParts.size() + " parts, with"
                    + " one @JoinColumn; a foreign key to a composite key has a column per part: write @JoinColumns({"
                    + String.join(", ", targetParts.stream().map(p -> "@JoinColumn(name = …)").toList())
                    + "}) in the order of " + targetName + "'s key, or leave it out for the default names");
            return List.of();
        }
        if (joinColumns != null && named.length != targetParts.size()) {
            problems.add(where + " has @JoinColumns with " + named.length + " columns, but " + targetName + "'s key has "
                    + targetParts.size() + " parts " + targetParts.stream().map(ColumnMapping::column).toList()
                    + "; name one column per part, in that order");
            return List.of();
        }
        JoinColumn[] byPart = byReferencedColumn(where, named, targetName, targetParts, problems);
        if (byPart == null) {
            return List.of();
        }
        String prefix = NamingStrategy.snakeCase(field.getName()) + "_";
        List<ColumnMapping> columns = new ArrayList<>();
        for (int i = 0; i < targetParts.size(); i++) {
            ColumnMapping part = targetParts.get(i);
            JoinColumn column = byPart.length == 0 ? null : byPart[i];
            String name = column != null && !column.name().isEmpty() ? column.name() : prefix + part.column();
            boolean nullable = optional && (column == null || column.nullable());
            columns.add(new ColumnMapping(field.getName(), name, part.type(), nullable, false,
                    ColumnMapping.Role.FOREIGN_KEY, FieldAccessor.of(field)));
        }
        return columns;
    }

    /**
     * The join columns in the order of the target's key parts: as written, or, when every one names
     * its {@code referencedColumnName} (as JPA asks of {@code @JoinColumns}), matched by it.
     *
     * @return the columns by part, or {@code null} after a problem
     */
    private static JoinColumn[] byReferencedColumn(String where, JoinColumn[] named, String targetName,
            List<ColumnMapping> targetParts, List<String> problems) {
        long referencing = Arrays.stream(named).filter(column -> !column.referencedColumnName().isEmpty()).count();
        if (referencing == 0) {
            return named;
        }
        List<String> keyColumns = targetParts.stream().map(ColumnMapping::column).toList();
        JoinColumn[] byPart = new JoinColumn[named.length];
        for (JoinColumn column : named) {
            int part = keyColumns.indexOf(column.referencedColumnName());
            if (referencing < named.length || part < 0 || byPart[part] != null) {
                problems.add(where + " has @JoinColumns whose referencedColumnName values do not name each of "
                        + targetName + "'s key columns " + keyColumns + " once; name every one once, or leave"
                        + " referencedColumnName out and list the columns in the key's order");
                return null;
            }
            byPart[part] = column;
        }
        return byPart;
    }
}
