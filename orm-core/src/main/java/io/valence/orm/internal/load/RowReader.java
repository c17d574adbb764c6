package io.valence.orm.internal.load;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import java.util.ArrayList;
import java.util.List;

/** Reads the columns of one entity from a row, converted to field values, as {@code UnitOfWork.load} takes them. */
public final class RowReader {
    private RowReader() {}

    /**
     * Reads one entity's columns.
     *
     * @param row the row
     * @param mapping the entity
     * @param offset the index of its first column in the row
     * @return the values in column order (foreign keys as ids); the id is {@code null} when an outer join found no row
     */
    public static Object[] read(ResultRow row, EntityMapping mapping, int offset) {
        List<ColumnMapping> columns = mapping.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            ColumnMapping column = columns.get(i);
            values[i] = column.type().fromDriver(row.get(offset + i, column.type().driverType()));
        }
        return values;
    }

    /**
     * Reads one value of a column's type.
     *
     * @param row the row
     * @param index the value's index
     * @param column the column whose type it has
     * @return the field value
     */
    public static Object value(ResultRow row, int index, ColumnMapping column) {
        return column.type().fromDriver(row.get(index, column.type().driverType()));
    }

    /**
     * Reads an array of values of a column's type.
     *
     * @param row the row
     * @param index the array's index
     * @param column the column whose type the elements have
     * @return the field values, or {@code null} for a NULL array
     */
    public static List<Object> values(ResultRow row, int index, ColumnMapping column) {
        Object[] elements = (Object[]) row.get(index, column.type().driverType().arrayType());
        if (elements == null) {
            return null;
        }
        List<Object> values = new ArrayList<>(elements.length);
        for (Object element : elements) {
            values.add(column.type().fromDriver(element));
        }
        return values;
    }
}
