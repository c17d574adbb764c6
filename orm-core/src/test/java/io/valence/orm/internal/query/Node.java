package io.valence.orm.internal.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** A tree: refers to its own type both ways. */
@Entity
public class Node {
    @Id
    Long id;

    String name;

    @ManyToOne
    Node parent;

    @OneToMany(mappedBy = "parent")
    List<Node> children = new ArrayList<>();

    Node() {}
}
