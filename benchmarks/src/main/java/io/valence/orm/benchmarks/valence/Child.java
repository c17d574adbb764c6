package io.valence.orm.benchmarks.valence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A child as Valence maps it: identity id, a many-to-one to its parent. */
@Entity
@Table(name = "child")
public class Child {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne
    @JoinColumn(name = "parent_id")
    Parent parent;

    @Column(length = 50)
    String value;

    /** For Valence. */
    protected Child() {}

    Child(Parent parent, String value) {
        this.parent = parent;
        this.value = value;
    }
}
