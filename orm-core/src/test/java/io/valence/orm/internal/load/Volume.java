package io.valence.orm.internal.load;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A child with a generated id, on a {@link Shelf}. */
@Entity
public class Volume {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String title;

    @ManyToOne
    Shelf shelf;

    Volume() {}

    Volume(Long id, String title, Shelf shelf) {
        this.id = id;
        this.title = title;
        this.shelf = shelf;
    }
}
