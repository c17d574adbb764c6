package io.valence.orm.it.concurrency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A row with a unique code. An INSERT of a code that another transaction inserted and has not
 * committed yet waits for that transaction: the tests use it to hold a flush in flight.
 */
@Entity
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 80)
    public String code;

    protected Ticket() {}

    public Ticket(String code) {
        this.code = code;
    }
}
