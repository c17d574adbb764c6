package io.valence.orm.it.session.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A track of a {@link Playlist}. */
@Entity
public class Track {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    @ManyToOne
    public Playlist playlist;

    public Track() {}

    public Track(String title, Playlist playlist) {
        this.title = title;
        this.playlist = playlist;
    }
}
