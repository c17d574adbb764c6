package io.valence.orm.internal.query;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

@Entity
public class Parent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String value;

    @OneToMany(mappedBy = "parent")
    List<Child> children = new ArrayList<>();

    Parent() {}

    Parent(Long id, String value) {
        this.id = id;
        this.value = value;
    }
}
