package io.valence.orm.it.query;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A row of a large table for streaming tests: a sequence number, a payload and a processed flag. */
@Entity
public class Reading {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long sequence;

    public String payload;

    public boolean processed;

    protected Reading() {}
}
