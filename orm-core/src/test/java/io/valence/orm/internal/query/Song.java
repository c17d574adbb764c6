package io.valence.orm.internal.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A member of {@link Album#songs}. */
@Entity
public class Song {
    @Id
    Long id;

    String title;

    int position;

    @ManyToOne
    Album album;

    Song() {}
}
