package io.valence.orm.it.faults;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A row of the fault tests: {@code batch} names the test run (the tests of a class share one
 * database, so every query is scoped to its batch), {@code seq} its position in the batch.
 */
@Entity
public class Reading {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 80)
    public String batch;

    public int seq;

    protected Reading() {}

    public Reading(String batch, int seq) {
        this.batch = batch;
        this.seq = seq;
    }
}
