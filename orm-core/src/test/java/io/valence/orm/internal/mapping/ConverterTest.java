package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.valence.orm.MappingException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** AttributeConverters through @Convert and @Converter(autoApply = true): one path, the built-in types' too. */
class ConverterTest {

    record Cents(long value) {}

    @Converter(autoApply = true)
    static class CentsConverter implements AttributeConverter<Cents, Long> {
        @Override
        public Long convertToDatabaseColumn(Cents attribute) {
            return attribute.value();
        }

        @Override
        public Cents convertToEntityAttribute(Long column) {
            return new Cents(column);
        }
    }

    static class UpperCase implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String attribute) {
            return attribute.toUpperCase(Locale.ROOT);
        }

        @Override
        public String convertToEntityAttribute(String column) {
            return column.toLowerCase(Locale.ROOT);
        }
    }

    @Entity
    static class Invoice {
        @Id
        Long id;

        Cents total;

        @Convert(converter = UpperCase.class)
        String code;

        @Convert(disableConversion = true)
        String plain;
    }

    private static final EntityMapping INVOICE = Metamodel.of(List.of(Invoice.class),
            new MappingOptions(List.of(CentsConverter.class), UUID::randomUUID, JsonCodec.NONE)).entity(Invoice.class);

    @Test
    void anAutoAppliedConverterStoresItsTypeInTheColumnOfItsDatabaseSide() {
        ColumnType total = INVOICE.column("total").type();

        assertThat(total.ddlType()).isEqualTo("bigint");
        assertThat(total.arrayType()).isEqualTo("bigint[]");
        assertThat(total.toDriver(new Cents(1234))).isEqualTo(1234L);
        assertThat(total.toArrayElement(new Cents(5))).isEqualTo(5L);
        assertThat(total.fromDriver(99L)).isEqualTo(new Cents(99));
    }

    @Test
    void aConverterNamedByConvertAppliesToThatField() {
        ColumnType code = INVOICE.column("code").type();

        assertThat(code.toDriver("ab")).isEqualTo("AB");
        assertThat(code.fromDriver("AB")).isEqualTo("ab");
        assertThat(INVOICE.column("plain").type().toDriver("ab")).isEqualTo("ab");
    }

    @Test
    void withoutTheAutoAppliedConverterTheTypeIsRefused() {
        assertThatExceptionOfType(MappingException.class)
                .isThrownBy(() -> Metamodel.of(List.of(Invoice.class)))
                .satisfies(e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith("Invoice.total has type io.valence.orm.internal.mapping.ConverterTest$Cents, which"
                                + " Valence cannot map to a column"));
    }

    @Entity
    static class Mismatch {
        @Id
        Long id;

        @Convert(converter = UpperCase.class)
        Integer number;
    }

    @Test
    void aConverterOfAnotherTypeIsReported() {
        assertThat(MappingProblems.of(Mismatch.class)).containsExactly(
                "Mismatch.number has type Integer, but its converter UpperCase converts String; name a converter for"
                        + " Integer");
    }

    @Entity
    static class Conflicting {
        @Id
        Long id;

        @Convert(converter = UpperCase.class)
        @jakarta.persistence.Column(columnDefinition = "jsonb")
        String both;

        @Convert(converter = UpperCase.class)
        @jakarta.persistence.ManyToOne
        Conflicting parent;
    }

    @Test
    void aConverterBesideJsonOrOnARelationshipIsReportedNotIgnored() {
        assertThat(MappingProblems.of(Conflicting.class)).containsExactly(
                "Conflicting.both has both @Convert and a JSON @Column(columnDefinition); a column is written either by"
                        + " the converter or as JSON: keep one of the two",
                "Conflicting.parent is a relationship and also has @Convert; a relationship holds another entity: remove"
                        + " it, or map the value as a column instead of a relationship");
    }
}
