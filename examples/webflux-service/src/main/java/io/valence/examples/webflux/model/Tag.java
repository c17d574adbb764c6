package io.valence.examples.webflux.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A label with a unique name, created idempotently with get-or-create. */
@Entity
public class Tag {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 50, nullable = false, unique = true)
    public String name;

    protected Tag() {}

    /** @param name the tag's unique name */
    public Tag(String name) {
        this.name = name;
    }
}
