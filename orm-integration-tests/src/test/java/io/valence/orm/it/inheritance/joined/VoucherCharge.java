package io.valence.orm.it.inheritance.joined;

import jakarta.persistence.Entity;

/** A charge paid with a voucher. */
@Entity
public class VoucherCharge extends Charge {
    public String code;

    protected VoucherCharge() {}

    public VoucherCharge(Customer customer, String amount, String code) {
        super(customer, amount);
        this.code = code;
    }
}
