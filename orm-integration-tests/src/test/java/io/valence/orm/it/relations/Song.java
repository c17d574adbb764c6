package io.valence.orm.it.relations;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A member of {@link Album#songs}. */
@Entity
public class Song {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    public int position;

    @ManyToOne
    public Album album;

    protected Song() {}

    public Song(String title, int position, Album album) {
        this.title = title;
        this.position = position;
        this.album = album;
        album.songs.add(this);
    }
}
