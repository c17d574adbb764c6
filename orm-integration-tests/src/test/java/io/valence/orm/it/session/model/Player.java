package io.valence.orm.it.session.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Plays for a {@link Team}, which may name them captain. */
@Entity
public class Player {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @ManyToOne
    public Team team;

    public Player() {}

    public Player(String name, Team team) {
        this.name = name;
        this.team = team;
    }
}
