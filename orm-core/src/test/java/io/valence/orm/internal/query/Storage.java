package io.valence.orm.internal.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A key-value table for upserts. */
@Entity
public class Storage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(unique = true, nullable = false)
    String key;

    String value;

    Storage() {}

    Storage(String key, String value) {
        this.key = key;
        this.value = value;
    }
}
