package io.valence.orm.internal.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Child {
    @Id
    Long id;

    String value;

    @ManyToOne
    Parent parent;

    Child() {}

    Child(Long id, String value, Parent parent) {
        this.id = id;
        this.value = value;
        this.parent = parent;
    }
}
