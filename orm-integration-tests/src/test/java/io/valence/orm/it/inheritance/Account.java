package io.valence.orm.it.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** Holds payments of every kind through a one-to-many to the base type. */
@Entity
public class Account {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @OneToMany(mappedBy = "account")
    public List<Payment> payments = new ArrayList<>();

    protected Account() {}

    public Account(String name) {
        this.name = name;
    }
}
