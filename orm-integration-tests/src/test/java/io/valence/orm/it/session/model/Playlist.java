package io.valence.orm.it.session.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** Deleting a playlist deletes its tracks ({@code cascade = REMOVE}), loaded or not. */
@Entity
public class Playlist {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @OneToMany(mappedBy = "playlist", cascade = CascadeType.REMOVE)
    public List<Track> tracks = new ArrayList<>();

    public Playlist() {}

    public Playlist(String name) {
        this.name = name;
    }
}
