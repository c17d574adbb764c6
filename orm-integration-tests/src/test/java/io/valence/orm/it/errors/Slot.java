package io.valence.orm.it.errors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A row with a unique name: a transaction inserting a name that another open transaction inserted
 * waits on the server until that one ends, which is how the tests hold a statement in flight.
 */
@Entity
public class Slot {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 80)
    public String name;

    protected Slot() {}

    public Slot(String name) {
        this.name = name;
    }
}
