package io.valence.orm.reactive.internal.scan.model.sub;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity in a subpackage of the scanned package. */
@Entity
public class Beta {
    @Id
    Long id;
}
