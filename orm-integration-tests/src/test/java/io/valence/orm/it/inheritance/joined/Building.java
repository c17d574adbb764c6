package io.valence.orm.it.inheritance.joined;

import jakarta.persistence.Entity;

/** A leaf right below the root. */
@Entity
public class Building extends Asset {
    public Integer floors;

    protected Building() {}

    public Building(Long id, String name, Integer floors) {
        super(id, name);
        this.floors = floors;
    }
}
