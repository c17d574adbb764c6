package io.valence.orm.it.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

/** A payment by bank transfer. */
@Entity
@DiscriminatorValue("BANK")
public class BankPayment extends Payment {
    public String iban;

    /** A relationship only this subclass has; its foreign key is NULL in other payments' rows. */
    @ManyToOne
    public Account payee;

    protected BankPayment() {}

    public BankPayment(Account account, String amount, String iban) {
        super(account, amount);
        this.iban = iban;
    }
}
