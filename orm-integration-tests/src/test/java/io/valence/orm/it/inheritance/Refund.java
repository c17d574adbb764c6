package io.valence.orm.it.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Refers to a payment by its base type; loading it gives the payment's concrete class. */
@Entity
public class Refund {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String reason;

    @ManyToOne(optional = false)
    public Payment payment;

    protected Refund() {}

    public Refund(Payment payment, String reason) {
        this.payment = payment;
        this.reason = reason;
    }
}
