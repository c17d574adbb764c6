package io.valence.orm.internal.mapping;

import java.util.List;

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
 * @param orderBy for a collection, the order its members are loaded in ({@code @OrderBy}); empty for
 *     none (the database's order)
 * @param link for a many-to-many, its link table seen from this side (this side's column first);
 *     else {@code null}
 */
public record RelationshipMapping(
        String name,
        Kind kind,
        Class<?> target,
        String mappedBy,
        ColumnMapping foreignKey,
        boolean cascadeRemove,
        boolean orphanRemoval,
        FieldAccessor accessor,
        List<OrderColumn> orderBy,
        LinkTable link) {

    /** Copies the order. */
    public RelationshipMapping {
        orderBy = List.copyOf(orderBy);
    }

    /**
     * One term of a collection's {@code @OrderBy}.
     *
     * @param column a column of the target
     * @param descending whether it sorts descending
     */
    public record OrderColumn(ColumnMapping column, boolean descending) {}

    /** The relationship kinds of the supported annotation subset. */
    public enum Kind {
        /** {@code @ManyToOne}: owning, a foreign key column on this table. */
        MANY_TO_ONE,
        /**
         * {@code @OneToMany(mappedBy)}: inverse, a collection of targets whose foreign key points here;
         * or, with {@code @JoinColumn} and no {@code mappedBy}, a foreign key column on the target's
         * table that no field of the target maps (linked, see {@link LinkTable#inTargetTable}).
         */
        ONE_TO_MANY,
        /** {@code @OneToOne}: owning with {@code @JoinColumn}, or inverse with {@code mappedBy}. */
        ONE_TO_ONE,
        /** {@code @ManyToMany}: a collection linked through a link table, owning ({@code @JoinTable}) or inverse. */
        MANY_TO_MANY
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
     * @return {@code true} for one-to-many and many-to-many
     */
    public boolean isCollection() {
        return kind == Kind.ONE_TO_MANY || kind == Kind.MANY_TO_MANY;
    }

    /**
     * Whether the relationship goes through a link table.
     *
     * @return {@code true} for many-to-many, either side
     */
    public boolean isLinked() {
        return link != null;
    }

    /**
     * The link table of a many-to-many, as seen from one side: the column holding this side's id,
     * the column holding the other side's, and their types.
     *
     * @param table the link table, unquoted
     * @param ownColumn the column that refers to this side's rows
     * @param otherColumn the column that refers to the other side's rows
     * @param ownType the type of this side's id
     * @param otherType the type of the other side's id
     * @param owning whether this side owns the link table ({@code @JoinTable}); the flush writes the
     *     link rows of both sides' changes, recorded as the owning side sees them
     * @param inTargetTable whether the "link table" is the target's own table, {@code ownColumn} a
     *     foreign key column there that no field of the target maps and {@code otherColumn} the
     *     target's id: a unidirectional {@code @OneToMany} with {@code @JoinColumn}. Linking sets the
     *     column, unlinking clears it.
     */
    public record LinkTable(String table, String ownColumn, String otherColumn, ColumnType ownType,
            ColumnType otherType, boolean owning, boolean inTargetTable) {
        /**
         * The same link table seen from the other side.
         *
         * @return the columns swapped
         */
        public LinkTable reversed() {
            return new LinkTable(table, otherColumn, ownColumn, otherType, ownType, !owning, inTargetTable);
        }
    }
}
