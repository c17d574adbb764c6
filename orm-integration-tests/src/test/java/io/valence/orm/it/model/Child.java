package io.valence.orm.it.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Seed 004's child: a many-to-one to its parent (the owning side, column parent_id). */
@Entity
public class Child {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 50)
    public String value;

    @ManyToOne
    public Parent parent;

    protected Child() {}

    public Child(String value, Parent parent) {
        this.value = value;
        this.parent = parent;
    }
}
