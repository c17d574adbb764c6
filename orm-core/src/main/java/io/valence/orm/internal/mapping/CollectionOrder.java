package io.valence.orm.internal.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a collection's {@code @OrderBy}: field names of the element class, each optionally
 * followed by ASC or DESC, separated by commas; an empty value orders by the element's id, as JPA
 * says.
 */
final class CollectionOrder {
    private CollectionOrder() {}

    /**
     * @param where the field, for messages ({@code Album.songs})
     * @param value the annotation's value
     * @param element the element class
     * @param elementColumns the element's columns read so far (its id and plain columns)
     * @param problems where a problem is reported
     * @return the order, empty after a problem
     */
    static List<RelationshipMapping.OrderColumn> read(
            String where, String value, Class<?> element, List<ColumnMapping> elementColumns, List<String> problems) {
        List<ColumnMapping> properties = elementColumns.stream()
                .filter(column -> column.role() != ColumnMapping.Role.FOREIGN_KEY).toList();
        if (properties.isEmpty()) {
            return List.of(); // the element's missing columns are reported on their own
        }
        if (value.isBlank()) {
            return properties.stream().filter(column -> column.role() == ColumnMapping.Role.ID)
                    .map(id -> new RelationshipMapping.OrderColumn(id, false)).toList();
        }
        List<RelationshipMapping.OrderColumn> order = new ArrayList<>();
        for (String item : value.split(",")) {
            String[] words = item.trim().split("\\s+");
            String direction = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "ASC";
            ColumnMapping column = properties.stream().filter(c -> c.property().equals(words[0])).findFirst().orElse(null);
            if (column == null || words.length > 2 || !(direction.equals("ASC") || direction.equals("DESC"))) {
                problems.add(where + " has @OrderBy(\"" + value + "\"), but \"" + item.trim() + "\" is not a field of "
                        + element.getSimpleName() + " followed by an optional ASC or DESC; write field names of "
                        + properties.stream().map(ColumnMapping::property).toList() + ", e.g. @OrderBy(\""
                        + properties.get(properties.size() - 1).property() + " DESC\")");
                return List.of();
            }
            order.add(new RelationshipMapping.OrderColumn(column, direction.equals("DESC")));
        }
        return order;
    }
}
