package io.valence.examples.quickstart;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A row of a work queue: pending until a worker claims it with SKIP LOCKED and marks it done. */
@Entity
public class Job {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public boolean done;

    public String worker;

    /** Creates a pending job. */
    public Job() {}
}
