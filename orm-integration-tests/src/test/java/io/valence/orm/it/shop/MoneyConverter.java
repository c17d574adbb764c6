package io.valence.orm.it.shop;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Every Money field is a bigint of cents: applied automatically, found by scanPackages. */
@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, Long> {
    @Override
    public Long convertToDatabaseColumn(Money attribute) {
        return attribute.cents();
    }

    @Override
    public Money convertToEntityAttribute(Long column) {
        return new Money(column);
    }
}
