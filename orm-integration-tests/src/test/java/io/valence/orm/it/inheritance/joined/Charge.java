package io.valence.orm.it.inheritance.joined;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** The root of a JOINED hierarchy: every charge has a row in "charge", and one in its class's own table. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Charge {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, precision = 10, scale = 2)
    public BigDecimal amount;

    @ManyToOne
    public Customer customer;

    protected Charge() {}

    protected Charge(Customer customer, String amount) {
        this.customer = customer;
        this.amount = new BigDecimal(amount);
    }
}
