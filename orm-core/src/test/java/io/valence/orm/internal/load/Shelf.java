package io.valence.orm.internal.load;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A parent with two inverse collections: its volumes as a list, its tags as a set. */
@Entity
public class Shelf {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    @OneToMany(mappedBy = "shelf")
    List<Volume> volumes = new ArrayList<>();

    @OneToMany(mappedBy = "shelf")
    Set<Tag> tags = new LinkedHashSet<>();

    Shelf() {}

    Shelf(Long id, String name) {
        this.id = id;
        this.name = name;
    }
}
