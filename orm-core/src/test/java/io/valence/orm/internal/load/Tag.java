package io.valence.orm.internal.load;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A child with an assigned id, held in a set by its {@link Shelf}. */
@Entity
public class Tag {
    @Id
    Long id;

    String label;

    @ManyToOne
    Shelf shelf;

    Tag() {}

    Tag(Long id, String label, Shelf shelf) {
        this.id = id;
        this.label = label;
        this.shelf = shelf;
    }
}
