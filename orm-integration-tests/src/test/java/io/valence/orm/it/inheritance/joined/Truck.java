package io.valence.orm.it.inheritance.joined;

import jakarta.persistence.Entity;

/** A leaf two levels below the root: its rows are in "asset", "vehicle" and "truck". */
@Entity
public class Truck extends Vehicle {
    public Integer payload;

    protected Truck() {}

    public Truck(Long id, String name, Integer wheels, Integer payload) {
        super(id, name, wheels);
        this.payload = payload;
    }
}
