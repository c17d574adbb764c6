package io.valence.orm.internal.mapping;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Enumerated;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * Chooses the {@link ColumnType} of each field of a model, and reports a field whose type cannot be
 * stored, naming the type to use instead where PostgreSQL would not keep the value faithfully.
 */
final class ColumnTypes {
    /** Types PostgreSQL cannot store as they are, with what to use instead. */
    private static final Map<String, String> UNFAITHFUL = Map.ofEntries(
            Map.entry("java.time.ZonedDateTime", "PostgreSQL's timestamptz keeps the instant but not the zone, so a"
                    + " ZonedDateTime would come back in another zone: use OffsetDateTime or Instant, and keep the zone"
                    + " id in a String (or ZoneId through an AttributeConverter) field of its own"),
            Map.entry("java.time.OffsetTime", "PostgreSQL's timetz is discouraged by its own documentation (an offset"
                    + " without a date is ambiguous across DST): use LocalTime, with the zone in a field of its own"),
            Map.entry("java.util.Date", "use Instant (timestamptz), LocalDateTime (timestamp) or LocalDate (date)"),
            Map.entry("java.sql.Date", "use LocalDate"),
            Map.entry("java.sql.Time", "use LocalTime"),
            Map.entry("java.sql.Timestamp", "use Instant (timestamptz) or LocalDateTime (timestamp)"),
            Map.entry("java.util.Calendar", "use Instant (timestamptz) or OffsetDateTime"),
            Map.entry("java.time.Period", "PostgreSQL's interval normalizes months and days differently from"
                    + " Period: use Duration for exact lengths, or store the Period's text through an"
                    + " AttributeConverter"),
            Map.entry("char", "PostgreSQL has no one-character type that keeps every char: use String with"
                    + " @Column(length = 1)"),
            Map.entry("java.lang.Character", "PostgreSQL has no one-character type that keeps every char: use String"
                    + " with @Column(length = 1)"),
            Map.entry("byte", "PostgreSQL has no one-byte integer: use short (smallint)"),
            Map.entry("java.lang.Byte", "PostgreSQL has no one-byte integer: use Short (smallint)"));

    private final List<String> problems;
    private final Converters converters;
    private final JsonCodec json;

    ColumnTypes(MappingOptions options, List<String> problems) {
        this.problems = problems;
        this.converters = new Converters(options.converters(), problems);
        this.json = options.json();
    }

    /**
     * The column type of a field.
     *
     * @param field the field
     * @param column its {@code @Column}, or the {@code @AttributeOverride}'s, or {@code null}
     * @param where {@code Entity.path}, for messages
     * @return the type, or {@code null} after reporting why there is none
     */
    ColumnType resolve(Field field, Column column, String where) {
        Convert convert = field.getAnnotation(Convert.class);
        if (convert != null && !convert.disableConversion()) {
            if (convert.converter() == AttributeConverter.class) {
                problems.add(where + " has @Convert without a converter; name it with @Convert(converter ="
                        + " MyConverter.class), or use disableConversion = true to turn an auto-applied converter off");
                return null;
            }
            Converters.Resolved named = converters.named(convert.converter(), where);
            return named == null ? null : converted(field, column, named, where);
        }
        String jsonType = StructuredTypes.jsonType(column);
        if (jsonType != null) {
            return StructuredTypes.json(field, jsonType, json);
        }
        Converters.Resolved automatic = convert != null ? null : converters.autoApplied(ColumnTypeResolver.boxed(field.getType()));
        if (automatic != null) {
            return converted(field, column, automatic, where);
        }
        return basic(field, column, where);
    }

    /** A field converted by an AttributeConverter to a basic type, whose column that type gives. */
    private ColumnType converted(Field field, Column column, Converters.Resolved converter, String where) {
        Class<?> fieldType = ColumnTypeResolver.boxed(field.getType());
        if (!converter.attribute().isAssignableFrom(fieldType)) {
            problems.add(where + " has type " + field.getType().getSimpleName() + ", but its converter "
                    + converter.type().getSimpleName() + " converts " + converter.attribute().getSimpleName()
                    + "; name a converter for " + field.getType().getSimpleName());
            return null;
        }
        ColumnType base = ColumnTypeResolver.resolve(converter.column(), column, null).orElse(null);
        if (base == null) {
            problems.add(where + " is converted by " + converter.type().getSimpleName() + " to "
                    + converter.column().getName() + ", which Valence cannot store; convert to one of "
                    + ColumnTypeResolver.BASIC);
            return null;
        }
        return ColumnType.converted(fieldType, base, converter.instance());
    }

    private ColumnType basic(Field field, Column column, String where) {
        ColumnType type = ColumnTypeResolver.resolve(field.getType(), column, field.getAnnotation(Enumerated.class))
                .orElse(null);
        if (type == null) {
            type = StructuredTypes.array(field);
        }
        if (type != null) {
            return type;
        }
        String name = field.getType().getName();
        String fix = UNFAITHFUL.get(name);
        if (fix != null) {
            problems.add(where + " has type " + field.getType().getSimpleName() + ", which PostgreSQL cannot store"
                    + " faithfully; " + fix);
        } else {
            problems.add(where + " has type " + name + ", which Valence cannot map to a column; use one of "
                    + ColumnTypeResolver.SUPPORTED + ", store it as JSON with @Column(columnDefinition = \"jsonb\"),"
                    + " or mark the field @Transient");
        }
        return null;
    }
}
