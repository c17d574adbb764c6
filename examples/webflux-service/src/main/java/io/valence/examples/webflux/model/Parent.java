package io.valence.examples.webflux.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** A parent row with its children, the seeds' model. */
@Entity
public class Parent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 50, nullable = false)
    public String value;

    @OneToMany(mappedBy = "parent")
    public List<Child> children = new ArrayList<>();

    protected Parent() {}

    /**
     * Creates a transient parent.
     *
     * @param value its value
     */
    public Parent(String value) {
        this.value = value;
    }
}
