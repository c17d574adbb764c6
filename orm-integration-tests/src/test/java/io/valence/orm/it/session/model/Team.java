package io.valence.orm.it.session.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Refers to its captain, a {@link Player}, while players refer to their team. */
@Entity
public class Team {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @ManyToOne
    public Player captain;

    public Team() {}

    public Team(String name) {
        this.name = name;
    }
}
