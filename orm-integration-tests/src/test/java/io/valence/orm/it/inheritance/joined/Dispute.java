package io.valence.orm.it.inheritance.joined;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Refers to a charge by its base type; loading it gives the charge's concrete class. */
@Entity
public class Dispute {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String reason;

    @ManyToOne(optional = false)
    public Charge charge;

    protected Dispute() {}

    public Dispute(Charge charge, String reason) {
        this.charge = charge;
        this.reason = reason;
    }
}
