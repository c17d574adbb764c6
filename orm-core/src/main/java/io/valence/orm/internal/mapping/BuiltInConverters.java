package io.valence.orm.internal.mapping;

import jakarta.persistence.AttributeConverter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Valence's own conversions of field types the driver does not bind as they are, written as
 * {@code jakarta.persistence.AttributeConverter}s and composed by {@link ColumnType#converted} like
 * any converter of the application: one conversion path for "ours" and "theirs".
 */
final class BuiltInConverters {
    /** Instant as OffsetDateTime at UTC, which the driver's timestamptz codec binds in single values and arrays. */
    static final AttributeConverter<Object, Object> INSTANT = new AttributeConverter<>() {
        @Override
        public Object convertToDatabaseColumn(Object attribute) {
            return ((Instant) attribute).atOffset(ZoneOffset.UTC);
        }

        @Override
        public Object convertToEntityAttribute(Object column) {
            return ((OffsetDateTime) column).toInstant();
        }
    };

    /** BigInteger as BigDecimal (numeric). */
    static final AttributeConverter<Object, Object> BIG_INTEGER = new AttributeConverter<>() {
        @Override
        public Object convertToDatabaseColumn(Object attribute) {
            return new BigDecimal((BigInteger) attribute);
        }

        @Override
        public Object convertToEntityAttribute(Object column) {
            return ((BigDecimal) column).toBigIntegerExact();
        }
    };

    private BuiltInConverters() {}
}
