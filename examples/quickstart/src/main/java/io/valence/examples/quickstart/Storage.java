package io.valence.examples.quickstart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A key/value row with a unique key, for upserts and get-or-create. */
@Entity
public class Storage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 50)
    public String key;

    @Column(nullable = false, length = 50)
    public String value;

    protected Storage() {}

    /**
     * Creates a transient row.
     *
     * @param key its unique key
     * @param value its value
     */
    public Storage(String key, String value) {
        this.key = key;
        this.value = value;
    }
}
