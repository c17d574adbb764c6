package io.valence.orm.it.dml;

import io.valence.orm.it.model.Parent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A row whose usual lookups no unique constraint covers: getOrCreate on {@code name} (and
 * {@code owner}) must take the advisory-lock path, and several rows may match one lookup.
 * {@code code} is unique but nullable: a lookup with a null code is not covered either.
 */
@Entity
@Table(name = "dml_label")
public class Label {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 50)
    public String name;

    @Column(length = 50)
    public String colour;

    @Column(unique = true, length = 50)
    public String code;

    @ManyToOne
    public Parent owner;

    protected Label() {}

    public Label(String name, String colour) {
        this.name = name;
        this.colour = colour;
    }
}
