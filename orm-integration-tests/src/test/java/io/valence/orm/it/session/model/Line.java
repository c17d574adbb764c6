package io.valence.orm.it.session.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A line of a {@link Basket}; it cannot exist without one (NOT NULL foreign key). */
@Entity
public class Line {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String product;

    @ManyToOne
    @JoinColumn(nullable = false)
    public Basket basket;

    public Line() {}

    public Line(String product, Basket basket) {
        this.product = product;
        this.basket = basket;
    }
}
