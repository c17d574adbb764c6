package io.valence.orm.it.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A payment by bank transfer. */
@Entity
@DiscriminatorValue("BANK")
public class BankPayment extends Payment {
    public String iban;

    protected BankPayment() {}

    public BankPayment(Account account, String amount, String iban) {
        super(account, amount);
        this.iban = iban;
    }
}
