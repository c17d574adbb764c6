package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.ColumnMapping;

/**
 * One column of a projection's rows: its name, the Java type of its values and how to read them.
 *
 * @param name the name it goes by (a record component, a tuple name)
 * @param javaType the type of its values; {@code Object} when only the database knows (native SQL)
 * @param driverType the type to read it as from the driver
 * @param column the column whose converter turns the driver value into {@code javaType}, or null when
 *     the driver value is the value
 */
public record ProjectedColumn(String name, Class<?> javaType, Class<?> driverType, ColumnMapping column) {

    /**
     * A column of a native query, known by its label only: read as the driver gives it.
     *
     * @param name the column's label
     * @return the column
     */
    public static ProjectedColumn labelled(String name) {
        return new ProjectedColumn(name, Object.class, Object.class, null);
    }

    /**
     * Converts a value read as {@link #driverType()}.
     *
     * @param driverValue the value, or null
     * @return the value as {@link #javaType()}, or null
     */
    public Object fromDriver(Object driverValue) {
        return column == null ? driverValue : column.type().fromDriver(driverValue);
    }
}
