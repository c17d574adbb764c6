package io.valence.orm.it.inheritance;

import jakarta.persistence.Entity;

/** A payment by voucher, with JPA's default discriminator value: its entity name. */
@Entity
public class VoucherPayment extends Payment {
    public String code;

    protected VoucherPayment() {}

    public VoucherPayment(Account account, String amount, String code) {
        super(account, amount);
        this.code = code;
    }
}
