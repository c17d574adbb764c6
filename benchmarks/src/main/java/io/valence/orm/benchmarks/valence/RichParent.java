package io.valence.orm.benchmarks.valence;

import io.valence.orm.benchmarks.Attributes;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** The rich model's parent (W8, W9): {@link Parent} with an embedded address and a jsonb document. */
@Entity
@Table(name = "rich_parent")
public class RichParent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(length = 50)
    String value;

    @Embedded
    Address address;

    @Column(columnDefinition = "jsonb")
    Attributes attributes;

    @OneToMany(mappedBy = "parent")
    List<RichChild> children = new ArrayList<>();

    /** For Valence. */
    protected RichParent() {}

    RichParent(String value, Address address, Attributes attributes) {
        this.value = value;
        this.address = address;
        this.attributes = attributes;
    }
}
