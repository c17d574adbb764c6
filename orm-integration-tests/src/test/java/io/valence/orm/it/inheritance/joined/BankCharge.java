package io.valence.orm.it.inheritance.joined;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

/** A charge by bank transfer, in a table and with a key column of its own naming. */
@Entity
@Table(name = "bank_transfer")
@PrimaryKeyJoinColumn(name = "charge_id")
public class BankCharge extends Charge {
    public String iban;

    /** A relationship only this subclass has: its foreign key is in "bank_transfer". */
    @ManyToOne
    public Customer payee;

    protected BankCharge() {}

    public BankCharge(Customer customer, String amount, String iban) {
        super(customer, amount);
        this.iban = iban;
    }
}
