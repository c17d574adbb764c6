package io.valence.orm.it.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** A SINGLE_TABLE hierarchy whose key the application assigns: the row switch between subclasses. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public abstract class Parcel {
    @Id
    public Long id;

    public String label;

    protected Parcel() {}

    protected Parcel(Long id, String label) {
        this.id = id;
        this.label = label;
    }
}
