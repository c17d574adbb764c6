package io.valence.orm.benchmarks.hibernate;

import io.valence.orm.benchmarks.BenchmarkDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A child as Hibernate maps it: pooled sequence ids, a lazy many-to-one to its parent. */
@Entity
@Table(name = "child")
public class Child {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "child_ids")
    @SequenceGenerator(
            name = "child_ids",
            sequenceName = "child_hibernate_seq",
            allocationSize = BenchmarkDatabase.HIBERNATE_ALLOCATION_SIZE)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    Parent parent;

    @Column(length = 50)
    String value;

    /** For Hibernate. */
    protected Child() {}

    Child(String value) {
        this.value = value;
    }
}
