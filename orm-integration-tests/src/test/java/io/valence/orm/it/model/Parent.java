package io.valence.orm.it.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** Seed 004's parent: identity id, a value, and its children (the inverse side). */
@Entity
public class Parent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 50)
    public String value;

    @OneToMany(mappedBy = "parent")
    public List<Child> children = new ArrayList<>();

    protected Parent() {}

    public Parent(String value) {
        this.value = value;
    }
}
