package io.valence.orm.it.inheritance.joined;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A charge to a card; its column is NOT NULL in its own table "card_charge". */
@Entity
public class CardCharge extends Charge {
    @Column(nullable = false)
    public String cardNumber;

    protected CardCharge() {}

    public CardCharge(Customer customer, String amount, String cardNumber) {
        super(customer, amount);
        this.cardNumber = cardNumber;
    }
}
