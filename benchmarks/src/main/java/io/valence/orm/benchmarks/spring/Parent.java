package io.valence.orm.benchmarks.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.relational.core.mapping.Table;

/** A parent as Spring Data R2DBC maps it; its children are filled in by a second query. */
@Table("parent")
public class Parent {

    @Id
    private Long id;

    private String value;

    @Transient
    private List<Child> children = new ArrayList<>();

    /** For Spring Data. */
    public Parent() {}

    Parent(String value) {
        this.value = value;
    }

    /**
     * The id, null until inserted.
     *
     * @return the id
     */
    public Long getId() {
        return id;
    }

    /**
     * Sets the id.
     *
     * @param id the id
     */
    public void setId(Long id) {
        this.id = id;
    }

    /**
     * The value.
     *
     * @return the value
     */
    public String getValue() {
        return value;
    }

    /**
     * Sets the value.
     *
     * @param value the value
     */
    public void setValue(String value) {
        this.value = value;
    }

    /**
     * The children loaded for this parent (not mapped to a column).
     *
     * @return the children
     */
    public List<Child> getChildren() {
        return children;
    }

    /**
     * Sets the children.
     *
     * @param children the children
     */
    public void setChildren(List<Child> children) {
        this.children = children;
    }
}
