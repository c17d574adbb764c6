package io.valence.orm.it.inheritance;

import jakarta.persistence.Entity;

/** A parcel that is a crate. */
@Entity
public class Crate extends Parcel {
    public Integer weight;

    protected Crate() {}

    public Crate(Long id, String label, Integer weight) {
        super(id, label);
        this.weight = weight;
    }
}
