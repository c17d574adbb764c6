package io.valence.orm.internal.query;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/** An enum, an Instant and a column named with a reserved word ({@code "order"}). */
@Entity
public class Event {
    enum Kind {
        CREATED,
        DELETED
    }

    @Id
    Long id;

    @Enumerated(EnumType.STRING)
    Kind kind;

    Instant at;

    Integer order;

    Event() {}
}
