package io.valence.orm.benchmarks.valence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The rich model's child, shaped as {@link Child}. */
@Entity
@Table(name = "rich_child")
public class RichChild {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne
    @JoinColumn(name = "parent_id")
    RichParent parent;

    @Column(length = 50)
    String value;

    /** For Valence. */
    protected RichChild() {}

    RichChild(RichParent parent, String value) {
        this.parent = parent;
        this.value = value;
    }
}
