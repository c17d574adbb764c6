package io.valence.orm.it.relations;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** The inverse side of {@link Purchase#tags}. */
@Entity
public class Tag {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @ManyToMany(mappedBy = "tags")
    @OrderBy("label")
    public List<Purchase> purchases = new ArrayList<>();

    protected Tag() {}

    public Tag(String name) {
        this.name = name;
    }
}
