package io.valence.orm.internal.mapping;

import jakarta.persistence.AttributeConverter;
import java.lang.reflect.Array;
import java.util.function.UnaryOperator;

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
 * @param stored what the column keeps of a field value (a timestamp cut to microseconds, a decimal
 *     rounded to the column's scale), or {@code null} when it keeps the value as it is
 * @param mutable whether a value can change in place (a {@code List}, a JSON document), so that
 *     snapshots hold its written form and dirty checks compare written forms
 * @param arrayColumn whether the column is itself a PostgreSQL array: a batched bind then carries
 *     each row's array as its text literal, cast back to the column's type after {@code unnest}
 *     (which would otherwise flatten an array of arrays)
 */
public record ColumnType(
        Class<?> javaType,
        String ddlType,
        String arrayType,
        Class<?> driverType,
        ValueConverter converter,
        Class<?> arrayElementType,
        ValueConverter arrayElementConverter,
        UnaryOperator<Object> stored,
        boolean mutable,
        boolean arrayColumn) {

    /**
     * A type whose array elements are converted apart from single values, kept as they are.
     *
     * @param javaType the field's type (primitives boxed)
     * @param ddlType the column type in CREATE TABLE
     * @param arrayType the array cast for batched binds
     * @param driverType the Java type bound and read through R2DBC
     * @param converter converts between field values and driver values
     * @param arrayElementType the Java type of the elements of a batched array bind
     * @param arrayElementConverter converts field values to array elements
     */
    public ColumnType(Class<?> javaType, String ddlType, String arrayType, Class<?> driverType, ValueConverter converter,
            Class<?> arrayElementType, ValueConverter arrayElementConverter) {
        this(javaType, ddlType, arrayType, driverType, converter, arrayElementType, arrayElementConverter, null, false,
                false);
    }

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
     * The type of a field whose values an {@code AttributeConverter} turns into values of a basic
     * type: the column is the basic type's, and every value passes through the converter (arrays
     * element by element). Valence's own conversions (Instant, BigInteger) are built the same way.
     *
     * @param javaType the field's type
     * @param column the type of the converter's database side
     * @param converter converts between the two; never called with {@code null}
     * @return the type
     */
    public static ColumnType converted(Class<?> javaType, ColumnType column, AttributeConverter<Object, Object> converter) {
        ValueConverter single = new ValueConverter() {
            @Override
            public Object toDriver(Object value) {
                return column.toDriver(converter.convertToDatabaseColumn(value));
            }

            @Override
            public Object fromDriver(Object value) {
                return converter.convertToEntityAttribute(column.fromDriver(value));
            }
        };
        ValueConverter element = new ValueConverter() {
            @Override
            public Object toDriver(Object value) {
                return column.toArrayElement(converter.convertToDatabaseColumn(value));
            }

            @Override
            public Object fromDriver(Object value) {
                throw new UnsupportedOperationException("array elements are only written");
            }
        };
        return new ColumnType(javaType, column.ddlType(), column.arrayType(), column.driverType(), single,
                column.arrayElementType(), element, null, column.mutable(), column.arrayColumn());
    }

    /**
     * This type with a rule for what the column keeps of a value.
     *
     * @param rule maps a non-null field value to the value the column holds after writing it
     * @return the new type
     */
    public ColumnType withStored(UnaryOperator<Object> rule) {
        return new ColumnType(javaType, ddlType, arrayType, driverType, converter, arrayElementType, arrayElementConverter,
                rule, mutable, arrayColumn);
    }

    /**
     * This type, marked as holding values that change in place.
     *
     * @return the new type
     */
    public ColumnType asMutable() {
        return new ColumnType(javaType, ddlType, arrayType, driverType, converter, arrayElementType, arrayElementConverter,
                stored, true, arrayColumn);
    }

    /**
     * This type, marked as a PostgreSQL array column whose values change in place.
     *
     * @return the new type
     */
    public ColumnType asArrayColumn() {
        return new ColumnType(javaType, ddlType, arrayType, driverType, converter, arrayElementType, arrayElementConverter,
                stored, true, true);
    }

    /**
     * How a batched statement reads this column's value from its {@code unnest} alias.
     *
     * @param alias the alias, e.g. {@code c2}
     * @return the alias, cast to the column's type for an array column
     */
    public String fromUnnested(String alias) {
        return arrayColumn ? alias + "::" + ddlType : alias;
    }

    /**
     * What the column keeps of a field value: the value itself unless {@link #stored()} says otherwise.
     *
     * @param value the field value, possibly {@code null}
     * @return the value the database holds after writing it
     */
    public Object storedValue(Object value) {
        return value == null || stored == null ? value : stored.apply(value);
    }

    /**
     * The value a snapshot keeps of a field value: its written form when the value can change in
     * place, else the value itself (which is cheaper and compares the same).
     *
     * @param value the field value, possibly {@code null}
     * @return what the snapshot holds
     */
    public Object snapshotOf(Object value) {
        return mutable ? toDriver(value) : value;
    }

    /**
     * Converts a field value for binding; {@code null} stays {@code null}.
     *
     * @param value the field value
     * @return the driver value
     */
    public Object toDriver(Object value) {
        return value == null ? null : converter.toDriver(storedValue(value));
    }

    /**
     * Converts a field value to an element of a batched array bind; {@code null} stays {@code null}.
     *
     * @param value the field value
     * @return an instance of {@link #arrayElementType()}
     */
    public Object toArrayElement(Object value) {
        return value == null ? null : arrayElementConverter.toDriver(storedValue(value));
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
