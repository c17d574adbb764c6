package io.valence.orm.reactive.internal.scan.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A public entity in the scanned package. */
@Entity
public class Alpha {
    @Id
    Long id;
}
