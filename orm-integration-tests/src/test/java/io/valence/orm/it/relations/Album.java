package io.valence.orm.it.relations;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** An ordered collection: songs load by position, highest first, then by title. */
@Entity
public class Album {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    @OneToMany(mappedBy = "album")
    @OrderBy("position DESC, title")
    public List<Song> songs = new ArrayList<>();

    protected Album() {}

    public Album(String title) {
        this.title = title;
    }
}
