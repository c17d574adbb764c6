package io.valence.orm.it.shop;

/**
 * An amount of euros in cents, stored as a bigint through {@link MoneyConverter}.
 *
 * @param cents the amount in cents
 */
public record Money(long cents) {
    /** @return the amount plus another */
    public Money plus(Money other) {
        return new Money(cents + other.cents);
    }
}
