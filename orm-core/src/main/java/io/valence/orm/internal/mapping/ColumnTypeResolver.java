package io.valence.orm.internal.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Chooses the {@link ColumnType} of a field from its Java type and its {@code @Column}/{@code @Enumerated}. */
final class ColumnTypeResolver {
    /** The basic Java types, which a converter's database side must be one of. */
    static final String BASIC = "Long, Integer, Short, Boolean, Double, Float, BigDecimal, BigInteger, String, UUID,"
            + " LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, Duration and byte[]";

    /** The Java types Valence maps, as listed in messages about unsupported types. */
    static final String SUPPORTED = "long, int, short, boolean, double, float (and their boxes), BigDecimal,"
            + " BigInteger, String, UUID, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, Duration, byte[],"
            + " enums, embeddables, arrays and Lists of String, Long, Integer and UUID, and types with an"
            + " AttributeConverter";

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            long.class, Long.class,
            int.class, Integer.class,
            short.class, Short.class,
            boolean.class, Boolean.class,
            double.class, Double.class,
            float.class, Float.class);

    private ColumnTypeResolver() {}

    static Optional<ColumnType> resolve(Class<?> fieldType, Column column, Enumerated enumerated) {
        Class<?> type = BOXES.getOrDefault(fieldType, fieldType);
        if (type.isEnum()) {
            return Optional.of(enumType(type, column, enumerated));
        }
        return Optional.ofNullable(switch (type.getName()) {
            case "java.lang.Long" -> same(type, "bigint");
            case "java.lang.Integer" -> same(type, "integer");
            case "java.lang.Short" -> same(type, "smallint");
            case "java.lang.Boolean" -> same(type, "boolean");
            case "java.lang.Double" -> same(type, "double precision");
            case "java.lang.Float" -> same(type, "real");
            case "java.math.BigDecimal" -> numeric(column);
            case "java.math.BigInteger" -> bigInteger(column);
            case "java.lang.String" -> string(column);
            case "java.util.UUID" -> same(type, "uuid");
            case "java.time.LocalDate" -> same(type, "date");
            case "java.time.LocalTime" -> same(type, "time").withStored(v -> ((LocalTime) v).truncatedTo(ChronoUnit.MICROS));
            case "java.time.LocalDateTime" ->
                same(type, "timestamp").withStored(v -> ((LocalDateTime) v).truncatedTo(ChronoUnit.MICROS));
            case "java.time.OffsetDateTime" ->
                same(type, "timestamptz").withStored(v -> ((OffsetDateTime) v).truncatedTo(ChronoUnit.MICROS));
            case "java.time.Instant" -> instant().withStored(v -> ((Instant) v).truncatedTo(ChronoUnit.MICROS));
            case "java.time.Duration" -> same(type, "interval").withStored(v -> ((Duration) v).truncatedTo(ChronoUnit.MICROS));
            case "[B" -> bytea();
            default -> null;
        });
    }

    private static ColumnType same(Class<?> type, String sqlType) {
        return new ColumnType(type, sqlType, sqlType + "[]", type, ValueConverter.IDENTITY);
    }

    /**
     * A numeric column with a declared scale rounds what it stores to that scale, half away from
     * zero as PostgreSQL does ({@code HALF_UP}); the field takes the rounded value after a flush.
     */
    private static ColumnType numeric(Column column) {
        boolean precise = column != null && column.precision() > 0;
        String ddl = precise ? "numeric(" + column.precision() + "," + column.scale() + ")" : "numeric";
        ColumnType type = new ColumnType(BigDecimal.class, ddl, "numeric[]", BigDecimal.class, ValueConverter.IDENTITY);
        int scale = precise ? column.scale() : 0;
        return precise ? type.withStored(v -> ((BigDecimal) v).setScale(scale, RoundingMode.HALF_UP)) : type;
    }

    /** BigInteger travels as BigDecimal, which the driver binds in single values and arrays alike. */
    private static ColumnType bigInteger(Column column) {
        boolean precise = column != null && column.precision() > 0;
        ColumnType numeric = new ColumnType(BigDecimal.class, precise ? "numeric(" + column.precision() + ",0)" : "numeric",
                "numeric[]", BigDecimal.class, ValueConverter.IDENTITY);
        return ColumnType.converted(BigInteger.class, numeric, BuiltInConverters.BIG_INTEGER);
    }

    private static ColumnType string(Column column) {
        // JPA's default length is 255; Valence maps an unset length to text rather than guess a limit.
        boolean bounded = column != null && column.length() != 255;
        String ddl = bounded ? "varchar(" + column.length() + ")" : "text";
        return new ColumnType(String.class, ddl, bounded ? "varchar[]" : "text[]", String.class, ValueConverter.IDENTITY);
    }

    /**
     * bytea binds as {@code byte[]} on its own, but r2dbc-postgresql (1.1.1) encodes a
     * {@code byte[][]} array parameter as text without escaping the {@code \x} of each element,
     * so the server stores the hex digits as the bytes' content: silent corruption of every
     * batched insert or update. Batched arrays therefore carry each value as its hex text
     * ({@code \x0a1b}, bytea's input format) in a {@code text[]}, which the statement casts to
     * {@code bytea[]}; PostgreSQL converts each element through bytea's input function.
     */
    private static ColumnType bytea() {
        HexFormat hex = HexFormat.of();
        ValueConverter hexText = new ValueConverter() {
            @Override
            public Object toDriver(Object value) {
                return "\\x" + hex.formatHex((byte[]) value);
            }

            @Override
            public Object fromDriver(Object value) {
                return hex.parseHex(((String) value).substring(2));
            }
        };
        return new ColumnType(byte[].class, "bytea", "text[]::bytea[]", byte[].class, ValueConverter.IDENTITY,
                String.class, hexText);
    }

    /** Bound as OffsetDateTime at UTC so the driver's timestamptz codec applies in single and array binds. */
    private static ColumnType instant() {
        return ColumnType.converted(Instant.class, same(OffsetDateTime.class, "timestamptz"), BuiltInConverters.INSTANT);
    }

    private static ColumnType enumType(Class<?> type, Column column, Enumerated enumerated) {
        Object[] constants = type.getEnumConstants();
        if (enumerated != null && enumerated.value() == EnumType.ORDINAL) {
            ValueConverter ordinal = new ValueConverter() {
                @Override
                public Object toDriver(Object value) {
                    return ((Enum<?>) value).ordinal();
                }

                @Override
                public Object fromDriver(Object value) {
                    return constants[(Integer) value];
                }
            };
            return new ColumnType(type, "integer", "integer[]", Integer.class, ordinal);
        }
        ValueConverter name = new ValueConverter() {
            @Override
            public Object toDriver(Object value) {
                return ((Enum<?>) value).name();
            }

            @Override
            public Object fromDriver(Object value) {
                for (Object constant : constants) {
                    if (((Enum<?>) constant).name().equals(value)) {
                        return constant;
                    }
                }
                throw new IllegalStateException("The database holds '" + value + "', which is not a constant of "
                        + type.getName());
            }
        };
        int length = column != null ? column.length() : 255;
        return new ColumnType(type, "varchar(" + length + ")", "varchar[]", String.class, name);
    }

    static Class<?> boxed(Class<?> type) {
        return BOXES.getOrDefault(type, type);
    }

    static boolean isSupportedIdType(Class<?> type) {
        Class<?> boxed = boxed(type);
        return boxed == Long.class || boxed == Integer.class || boxed == Short.class || boxed == String.class
                || boxed == UUID.class;
    }
}
