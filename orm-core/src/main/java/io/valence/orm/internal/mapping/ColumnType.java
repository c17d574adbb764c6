package io.valence.orm.internal.mapping;

import java.lang.reflect.Array;

/**
 * How one Java type is stored in PostgreSQL: its DDL type, the array type used for batched
 * statements ({@code unnest($1::bigint[])}), the Java type exchanged with the driver, and the
 * conversion between the two. Array elements are usually bound like single values; a type the
 * driver cannot bind as an array element has its own element type and conversion (see
 * {@code bytea} in {@link ColumnTypeResolver}).
 *
 * @param javaType the field's type (primitives boxed)
 * @param ddlType the column type in CREATE TABLE, e.g. {@code varchar(50)}
 * @param arrayType the array cast for batched binds, e.g. {@code varchar[]}; it may be a chain of
 *     casts that turns the bound array into the column's array type, e.g. {@code text[]::bytea[]}
 * @param driverType the Java type bound and read through R2DBC
 * @param converter converts between field values and driver values
 * @param arrayElementType the Java type of the elements of a batched array bind
 * @param arrayElementConverter converts field values to array elements
 */
public record ColumnType(
        Class<?> javaType,
        String ddlType,
        String arrayType,
        Class<?> driverType,
        ValueConverter converter,
        Class<?> arrayElementType,
        ValueConverter arrayElementConverter) {

    /**
     * A type whose array elements are bound like single values.
     *
     * @param javaType the field's type (primitives boxed)
     * @param ddlType the column type in CREATE TABLE
     * @param arrayType the array cast for batched binds
     * @param driverType the Java type bound and read through R2DBC, also as array element
     * @param converter converts between field values and driver values
     */
    public ColumnType(Class<?> javaType, String ddlType, String arrayType, Class<?> driverType, ValueConverter converter) {
        this(javaType, ddlType, arrayType, driverType, converter, driverType, converter);
    }

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
     * Converts a field value to an element of a batched array bind; {@code null} stays {@code null}.
     *
     * @param value the field value
     * @return an instance of {@link #arrayElementType()}
     */
    public Object toArrayElement(Object value) {
        return value == null ? null : arrayElementConverter.toDriver(value);
    }

    /**
     * A new array for driver values of this type, as {@code = ANY($n)} binds them. Every driver type
     * is a reference type, so callers fill it with plain stores: {@code Array.set} is a native call
     * per element.
     *
     * @param length the number of values
     * @return an array of {@link #driverType()}
     */
    public Object[] newDriverArray(int length) {
        return (Object[]) Array.newInstance(driverType, length);
    }

    /**
     * A new array for the elements of a batched array bind, filled like {@link #newDriverArray}.
     *
     * @param length the number of elements
     * @return an array of {@link #arrayElementType()}
     */
    public Object[] newElementArray(int length) {
        return (Object[]) Array.newInstance(arrayElementType, length);
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
