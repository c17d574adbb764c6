package io.valence.orm.internal.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Chooses the {@link ColumnType} of a field from its Java type and its {@code @Column}/{@code @Enumerated}. */
final class ColumnTypeResolver {
    /** The Java types Valence maps, as listed in messages about unsupported types. */
    static final String SUPPORTED = "long, int, short, boolean, double, float (and their boxes), BigDecimal, String,"
            + " UUID, LocalDate, LocalDateTime, OffsetDateTime, Instant, byte[] and enums";

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
            case "java.lang.String" -> string(column);
            case "java.util.UUID" -> same(type, "uuid");
            case "java.time.LocalDate" -> same(type, "date");
            case "java.time.LocalDateTime" -> same(type, "timestamp");
            case "java.time.OffsetDateTime" -> same(type, "timestamptz");
            case "java.time.Instant" -> instant();
            case "[B" -> bytea();
            default -> null;
        });
    }

    private static ColumnType same(Class<?> type, String sqlType) {
        return new ColumnType(type, sqlType, sqlType + "[]", type, ValueConverter.IDENTITY);
    }

    private static ColumnType numeric(Column column) {
        boolean precise = column != null && column.precision() > 0;
        String ddl = precise ? "numeric(" + column.precision() + "," + column.scale() + ")" : "numeric";
        return new ColumnType(BigDecimal.class, ddl, "numeric[]", BigDecimal.class, ValueConverter.IDENTITY);
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

    private static ColumnType instant() {
        // Bound as OffsetDateTime at UTC so the driver's timestamptz codec applies in single and array binds.
        ValueConverter converter = new ValueConverter() {
            @Override
            public Object toDriver(Object value) {
                return ((Instant) value).atOffset(ZoneOffset.UTC);
            }

            @Override
            public Object fromDriver(Object value) {
                return ((OffsetDateTime) value).toInstant();
            }
        };
        return new ColumnType(Instant.class, "timestamptz", "timestamptz[]", OffsetDateTime.class, converter);
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
