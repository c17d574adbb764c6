package io.valence.orm.it.inheritance.joined;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.util.HashSet;
import java.util.Set;

/** Links charges of any kind through a link table that references the root's table. */
@Entity
public class Invoice {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String label;

    @ManyToMany
    public Set<Charge> charges = new HashSet<>();

    protected Invoice() {}

    public Invoice(String label) {
        this.label = label;
    }
}
