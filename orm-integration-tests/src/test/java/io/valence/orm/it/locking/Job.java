package io.valence.orm.it.locking;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A job of a work queue table: pending until a worker claims and processes it. */
@Entity
public class Job {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String queue;

    public String status = "PENDING";

    public String processedBy;

    public int runs;

    protected Job() {}

    public Job(String queue) {
        this.queue = queue;
    }
}
