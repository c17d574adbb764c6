package io.valence.orm.benchmarks.spring;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A child as Spring Data R2DBC maps it: its own aggregate, referring to its parent by id. */
@Table("child")
public class Child {

    @Id
    private Long id;

    @Column("parent_id")
    private Long parentId;

    private String value;

    /** For Spring Data. */
    public Child() {}

    Child(Long parentId, String value) {
        this.parentId = parentId;
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
     * The parent's id.
     *
     * @return the parent's id
     */
    public Long getParentId() {
        return parentId;
    }

    /**
     * Sets the parent's id.
     *
     * @param parentId the parent's id
     */
    public void setParentId(Long parentId) {
        this.parentId = parentId;
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
}
