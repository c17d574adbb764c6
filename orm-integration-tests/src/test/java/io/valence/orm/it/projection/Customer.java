package io.valence.orm.it.projection;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A customer that sales refer to, for projections through a to-one. */
@Entity
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    protected Customer() {}

    public Customer(String name) {
        this.name = name;
    }
}
