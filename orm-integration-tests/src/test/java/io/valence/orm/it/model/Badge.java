package io.valence.orm.it.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** A row whose {@code UUID} key the application assigns: for the row switch. */
@Entity
public class Badge {
    @Id
    public UUID id;

    @Column(nullable = false, length = 50)
    public String label;

    @Column(length = 50)
    public String note;

    protected Badge() {}

    public Badge(UUID id, String label, String note) {
        this.id = id;
        this.label = label;
        this.note = note;
    }
}
