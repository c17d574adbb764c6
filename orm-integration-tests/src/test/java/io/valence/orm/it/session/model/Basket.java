package io.valence.orm.it.session.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** A line removed from a basket's loaded list is deleted ({@code orphanRemoval}). */
@Entity
public class Basket {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String owner;

    @OneToMany(mappedBy = "basket", orphanRemoval = true)
    public List<Line> lines = new ArrayList<>();

    public Basket() {}

    public Basket(String owner) {
        this.owner = owner;
    }
}
