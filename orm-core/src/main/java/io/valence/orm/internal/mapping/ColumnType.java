package io.valence.orm.internal.mapping;

/**
 * How one Java type is stored in PostgreSQL: its DDL type, the array type used for batched
 * statements ({@code unnest($1::bigint[])}), the Java type exchanged with the driver, and the
 * conversion between the two.
 *
 * @param javaType the field's type (primitives boxed)
 * @param ddlType the column type in CREATE TABLE, e.g. {@code varchar(50)}
 * @param arrayType the array cast for batched binds, e.g. {@code varchar[]}
 * @param driverType the Java type bound and read through R2DBC
 * @param converter converts between field values and driver values
 */
public record ColumnType(
        Class<?> javaType, String ddlType, String arrayType, Class<?> driverType, ValueConverter converter) {

    /**
     * Converts a field value for binding; {@code null} stays {@code null}.
     *
     * @param value the field value
     * @return the driver value
     */
    public Object toDriver(Object value) {
        return value == null ? null : converter.toDriver(value);
    }

    /**
     * Converts a value read from a row; {@code null} stays {@code null}.
     *
     * @param value the driver value
     * @return the field value
     */
    public Object fromDriver(Object value) {
        return value == null ? null : converter.fromDriver(value);
    }
}
