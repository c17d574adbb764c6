package io.valence.orm.it.faults;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A child of a {@link Crate}, with a unique code: an INSERT of a code that another transaction
 * inserted and has not committed waits for it, which holds a flush in flight between the crate's
 * INSERT and its bottles'.
 */
@Entity
public class Bottle {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 80)
    public String code;

    @ManyToOne
    public Crate crate;

    protected Bottle() {}

    public Bottle(String code, Crate crate) {
        this.code = code;
        this.crate = crate;
    }
}
