package io.valence.orm.reactive.internal.scan.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A package-private entity: scanning must find it too. */
@Entity
class Hidden {
    @Id
    Long id;

    /** A nested entity, compiled to its own class file. */
    @Entity
    static class Nested {
        @Id
        Long id;
    }
}
