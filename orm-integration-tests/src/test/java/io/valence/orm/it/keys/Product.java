package io.valence.orm.it.keys;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** A product with a single key, whose lines have composite keys. */
@Entity
public class Product {
    @Id
    public Long id;

    public String name;

    @OneToMany(mappedBy = "product")
    public List<OrderLine> lines = new ArrayList<>();

    protected Product() {}

    public Product(long id, String name) {
        this.id = id;
        this.name = name;
    }
}
