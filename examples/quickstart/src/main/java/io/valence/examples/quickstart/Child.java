package io.valence.examples.quickstart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A child row pointing at its parent (the foreign key parent_id, indexed by default). */
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

    /**
     * Creates a transient child.
     *
     * @param value its value
     * @param parent its parent
     */
    public Child(String value, Parent parent) {
        this.value = value;
        this.parent = parent;
    }
}
