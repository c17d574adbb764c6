package io.valence.orm.it.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A row under optimistic locking. */
@Entity
public class Versioned {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 50)
    public String value;

    @Version
    public long version;

    protected Versioned() {}

    public Versioned(String value) {
        this.value = value;
    }
}
