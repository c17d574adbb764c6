package io.valence.examples.webflux.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of euros with exactly two decimals, stored as {@code numeric} through
 * {@link MoneyConverter}. The value keeps its own scale (Valence refuses {@code @Column(precision,
 * scale)} on a converted field), so the amount a client sent equals the one it reads back
 * ({@code 12.5} becomes {@code 12.50} in both).
 *
 * @param amount the amount, at most two decimals
 */
public record Money(BigDecimal amount) {
    /** Zero euros. */
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    /**
     * Checks the amount and gives it scale 2.
     *
     * @throws IllegalArgumentException when the amount has more than two decimals
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount has at most two decimals, was " + amount.toPlainString());
        }
        amount = amount.setScale(2);
    }

    /**
     * @param other another amount
     * @return the sum of both
     */
    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    /**
     * @param quantity how many times
     * @return this amount that many times
     */
    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)));
    }
}
