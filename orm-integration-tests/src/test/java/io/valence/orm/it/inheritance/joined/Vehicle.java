package io.valence.orm.it.inheritance.joined;

import jakarta.persistence.Entity;

/** An abstract class in the middle of the hierarchy, with a table of its own. */
@Entity
public abstract class Vehicle extends Asset {
    public Integer wheels;

    protected Vehicle() {}

    protected Vehicle(Long id, String name, Integer wheels) {
        super(id, name);
        this.wheels = wheels;
    }
}
