package io.valence.examples.webflux.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;

/**
 * Every {@link Money} field is a numeric column: applied automatically, found in
 * {@code valence.entity-packages} like the entities.
 */
@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, BigDecimal> {

    /** Instantiated once by Valence. */
    public MoneyConverter() {}

    @Override
    public BigDecimal convertToDatabaseColumn(Money money) {
        return money.amount();
    }

    @Override
    public Money convertToEntityAttribute(BigDecimal amount) {
        return new Money(amount);
    }
}
