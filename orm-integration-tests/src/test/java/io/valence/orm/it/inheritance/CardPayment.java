package io.valence.orm.it.inheritance;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A payment by card; its column is NULL in the rows of other payments. */
@Entity
@DiscriminatorValue("CARD")
public class CardPayment extends Payment {
    @Column(nullable = false)
    public String cardNumber;

    protected CardPayment() {}

    public CardPayment(Account account, String amount, String cardNumber) {
        super(account, amount);
        this.cardNumber = cardNumber;
    }
}
