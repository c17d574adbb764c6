package io.valence.orm.benchmarks.valence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A parent as Valence maps it: identity id, children saved along with it. */
@Entity
@Table(name = "parent")
public class Parent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(length = 50)
    String value;

    @OneToMany(mappedBy = "parent")
    List<Child> children = new ArrayList<>();

    /** For Valence. */
    protected Parent() {}

    Parent(String value) {
        this.value = value;
    }
}
