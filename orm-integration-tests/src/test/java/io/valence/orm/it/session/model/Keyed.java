package io.valence.orm.it.session.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** An entity whose id the application assigns (a UUID): inserted without a generated-id CTE. */
@Entity
public class Keyed {
    @Id
    public UUID id;

    public String label;

    public byte[] payload;

    public Instant at;

    public Keyed() {}

    public Keyed(UUID id, String label) {
        this.id = id;
        this.label = label;
    }
}
