package io.valence.orm.benchmarks.hibernate;

import io.valence.orm.benchmarks.BenchmarkDatabase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A parent as Hibernate maps it: pooled sequence ids, children cascaded on persist. */
@Entity
@Table(name = "parent")
public class Parent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parent_ids")
    @SequenceGenerator(
            name = "parent_ids",
            sequenceName = "parent_hibernate_seq",
            allocationSize = BenchmarkDatabase.HIBERNATE_ALLOCATION_SIZE)
    Long id;

    @Column(length = 50)
    String value;

    @OneToMany(mappedBy = "parent", cascade = CascadeType.PERSIST)
    List<Child> children = new ArrayList<>();

    /** For Hibernate. */
    protected Parent() {}

    Parent(String value) {
        this.value = value;
    }

    void addChild(Child child) {
        child.parent = this;
        children.add(child);
    }
}
