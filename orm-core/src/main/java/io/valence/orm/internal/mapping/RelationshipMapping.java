package io.valence.orm.internal.mapping;

/**
 * A relationship between two entities.
 *
 * @param name the property name on the owning class
 * @param kind many-to-one, one-to-many or one-to-one
 * @param target the related entity class
 * @param mappedBy for an inverse side, the property on the target that owns the foreign key; else {@code null}
 * @param foreignKey for an owning side, its foreign key column; else {@code null}
 * @param cascadeRemove whether deleting this side deletes the related objects ({@code cascade = REMOVE/ALL})
 * @param orphanRemoval whether objects removed from a loaded collection are deleted
 * @param accessor reads and writes the field
 */
public record RelationshipMapping(
        String name,
        Kind kind,
        Class<?> target,
        String mappedBy,
        ColumnMapping foreignKey,
        boolean cascadeRemove,
        boolean orphanRemoval,
        FieldAccessor accessor) {

    /** The relationship kinds of the supported annotation subset. */
    public enum Kind {
        /** {@code @ManyToOne}: owning, a foreign key column on this table. */
        MANY_TO_ONE,
        /** {@code @OneToMany(mappedBy)}: inverse, a collection of targets whose foreign key points here. */
        ONE_TO_MANY,
        /** {@code @OneToOne}: owning with {@code @JoinColumn}, or inverse with {@code mappedBy}. */
        ONE_TO_ONE
    }

    /**
     * Whether this side holds the foreign key.
     *
     * @return {@code true} for many-to-one and owning one-to-one
     */
    public boolean isOwning() {
        return foreignKey != null;
    }

    /**
     * Whether the field holds a collection.
     *
     * @return {@code true} for one-to-many
     */
    public boolean isCollection() {
        return kind == Kind.ONE_TO_MANY;
    }
}
