package io.valence.orm.it.concurrency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A row written by one session or fan-out branch: {@code batch} names the test run (tests of a
 * class share the database, so every query is scoped to its batch), {@code owner} the session or
 * branch that wrote it.
 */
@Entity
public class Mark {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 80)
    public String batch;

    public int owner;

    protected Mark() {}

    public Mark(String batch, int owner) {
        this.batch = batch;
        this.owner = owner;
    }
}
