package io.valence.orm.it.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A row whose {@code Long} key the application assigns: for the row switch. */
@Entity
public class Seat {
    @Id
    public Long id;

    @Column(nullable = false, length = 50)
    public String label;

    @Column(length = 50)
    public String note;

    protected Seat() {}

    public Seat(Long id, String label, String note) {
        this.id = id;
        this.label = label;
        this.note = note;
    }
}
