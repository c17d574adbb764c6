package io.valence.orm.it.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Seed 004's upsert model: a unique, non-null key and a value. */
@Entity
@Table(name = "populate_existing_storage")
public class Storage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 50)
    public String key;

    @Column(nullable = false, length = 50)
    public String value;

    protected Storage() {}

    public Storage(String key, String value) {
        this.key = key;
        this.value = value;
    }
}
