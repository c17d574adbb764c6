package io.valence.orm.it.dml;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An id drawn from a named sequence: its column has no default, so an INSERT must draw the id itself. */
@Entity
@Table(name = "dml_ticket")
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dml_tickets")
    @SequenceGenerator(name = "dml_tickets", sequenceName = "dml_ticket_ids")
    public Long id;

    @Column(unique = true, nullable = false, length = 50)
    public String code;

    protected Ticket() {}

    public Ticket(String code) {
        this.code = code;
    }
}
