package io.valence.orm.internal.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** A collection with {@code @OrderBy}: its tracks load by position, highest first, then by title. */
@Entity
public class Album {
    @Id
    Long id;

    String title;

    @OneToMany(mappedBy = "album")
    @OrderBy("position DESC, title")
    List<Song> songs = new ArrayList<>();

    Album() {}
}
