package io.valence.orm.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** A self-referencing tree. */
@Entity
public class Node {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @ManyToOne
    public Node parent;

    @OneToMany(mappedBy = "parent")
    public List<Node> children = new ArrayList<>();

    protected Node() {}

    public Node(String name, Node parent) {
        this.name = name;
        this.parent = parent;
    }
}
