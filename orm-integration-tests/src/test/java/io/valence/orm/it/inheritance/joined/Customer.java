package io.valence.orm.it.inheritance.joined;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** Holds charges of every kind through a one-to-many to the base type. */
@Entity
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @OneToMany(mappedBy = "customer")
    public List<Charge> charges = new ArrayList<>();

    protected Customer() {}

    public Customer(String name) {
        this.name = name;
    }
}
