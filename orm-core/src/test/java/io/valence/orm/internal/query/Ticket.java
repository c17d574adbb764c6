package io.valence.orm.internal.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** An id drawn from a named sequence, whose column has no default. */
@Entity
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tickets")
    @SequenceGenerator(name = "tickets", sequenceName = "ticket_ids")
    Long id;

    @Column(unique = true, nullable = false)
    String code;

    Ticket() {}

    Ticket(Long id, String code) {
        this.id = id;
        this.code = code;
    }
}
