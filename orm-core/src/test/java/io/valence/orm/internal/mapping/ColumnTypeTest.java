package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {
    enum Colour {
        RED,
        GREEN
    }

    @Entity
    static class EveryType {
        @Id
        Long id;

        long primitiveLong;
        Long boxedLong;
        int primitiveInt;
        Integer boxedInt;
        short primitiveShort;
        Short boxedShort;
        boolean primitiveBoolean;
        Boolean boxedBoolean;
        double primitiveDouble;
        Double boxedDouble;
        float primitiveFloat;
        Float boxedFloat;
        BigDecimal amount;

        @Column(precision = 12, scale = 2)
        BigDecimal price;

        String text;

        @Column(length = 50)
        String shortText;

        UUID uuid;
        LocalDate day;
        LocalDateTime localTime;
        OffsetDateTime offsetTime;
        Instant instant;
        byte[] bytes;
        Colour defaultEnum;

        @Enumerated(EnumType.STRING)
        Colour stringEnum;

        @Enumerated(EnumType.STRING)
        @Column(length = 10)
        Colour shortEnum;

        @Enumerated(EnumType.ORDINAL)
        Colour ordinalEnum;
    }

    @Test
    void everySupportedJavaTypeMapsToItsPostgresType() {
        EntityMapping mapping = Metamodel.of(List.of(EveryType.class)).entity(EveryType.class);

        Map<String, String> ddlTypes = new LinkedHashMap<>();
        mapping.columns().forEach(column -> ddlTypes.put(column.property(), column.type().ddlType()));
        assertThat(ddlTypes).containsExactly(
                entry("id", "bigint"),
                entry("primitiveLong", "bigint"),
                entry("boxedLong", "bigint"),
                entry("primitiveInt", "integer"),
                entry("boxedInt", "integer"),
                entry("primitiveShort", "smallint"),
                entry("boxedShort", "smallint"),
                entry("primitiveBoolean", "boolean"),
                entry("boxedBoolean", "boolean"),
                entry("primitiveDouble", "double precision"),
                entry("boxedDouble", "double precision"),
                entry("primitiveFloat", "real"),
                entry("boxedFloat", "real"),
                entry("amount", "numeric"),
                entry("price", "numeric(12,2)"),
                entry("text", "text"),
                entry("shortText", "varchar(50)"),
                entry("uuid", "uuid"),
                entry("day", "date"),
                entry("localTime", "timestamp"),
                entry("offsetTime", "timestamptz"),
                entry("instant", "timestamptz"),
                entry("bytes", "bytea"),
                entry("defaultEnum", "varchar(255)"),
                entry("stringEnum", "varchar(255)"),
                entry("shortEnum", "varchar(10)"),
                entry("ordinalEnum", "integer"));
    }

    @Test
    void enumsAndInstantsConvertToWhatTheDriverBinds() {
        EntityMapping mapping = Metamodel.of(List.of(EveryType.class)).entity(EveryType.class);
        Instant instant = Instant.parse("2024-05-01T10:15:30Z");

        assertThat(mapping.column("stringEnum").type().toDriver(Colour.GREEN)).isEqualTo("GREEN");
        assertThat(mapping.column("stringEnum").type().fromDriver("RED")).isEqualTo(Colour.RED);
        assertThat(mapping.column("ordinalEnum").type().toDriver(Colour.GREEN)).isEqualTo(1);
        assertThat(mapping.column("ordinalEnum").type().fromDriver(0)).isEqualTo(Colour.RED);
        assertThat(mapping.column("instant").type().toDriver(instant)).isEqualTo(instant.atOffset(ZoneOffset.UTC));
        assertThat(mapping.column("instant").type().fromDriver(instant.atOffset(ZoneOffset.UTC))).isEqualTo(instant);
        assertThat(mapping.column("text").type().toDriver(null)).isNull();
    }

    @Entity
    static class Nullability {
        @Id
        Long id;

        int primitive;
        Integer boxed;

        @Column(nullable = false)
        String required;

        String optional;

        @Version
        Long version;
    }

    @Test
    void primitivesIdsVersionsAndNullableFalseAreNotNullAndTheRestNullable() {
        EntityMapping mapping = Metamodel.of(List.of(Nullability.class)).entity(Nullability.class);

        Map<String, Boolean> nullable = new LinkedHashMap<>();
        mapping.columns().forEach(column -> nullable.put(column.property(), column.nullable()));
        assertThat(nullable).containsExactly(
                entry("id", false),
                entry("primitive", false),
                entry("boxed", true),
                entry("required", false),
                entry("optional", true),
                entry("version", false));
        assertThat(mapping.version()).isSameAs(mapping.column("version"));
    }
}
