package io.valence.orm.it.inheritance;

import jakarta.persistence.Entity;

/** A parcel that is a letter; its column is NULL in the rows of other parcels. */
@Entity
public class Letter extends Parcel {
    public Integer stamps;

    protected Letter() {}

    public Letter(Long id, String label, Integer stamps) {
        super(id, label);
        this.stamps = stamps;
    }
}
