package io.valence.orm.internal.mapping;

import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the link table of an owning {@code @ManyToMany} from its {@code @JoinTable}, or by the JPA
 * defaults: the table {@code <owner table>_<target table>}, the owner's column {@code <inverse
 * field, or the owner's entity name>_<owner id column>}, the target's column {@code <owning
 * field>_<target id column>}, all in snake case.
 */
final class LinkTables {
    private LinkTables() {}

    /**
     * The link table as the owning side sees it.
     *
     * @param owner the reader of the class with the owning field
     * @param field the owning {@code @ManyToMany} field
     * @param target the reader of the element class
     * @param problems where a problem is reported
     * @return the link table, or {@code null} when a problem was reported (or an id is missing, reported on its own)
     */
    static RelationshipMapping.LinkTable of(EntityReader owner, Field field, EntityReader target, List<String> problems) {
        ColumnMapping ownerId = owner.idColumn();
        ColumnMapping targetId = target.idColumn();
        if (ownerId == null || targetId == null) {
            return null;
        }
        JoinTable joinTable = field.getAnnotation(JoinTable.class);
        String where = owner.type().getSimpleName() + "." + field.getName();
        String table = joinTable != null && !joinTable.name().isEmpty() ? joinTable.name() : owner.table() + "_" + target.table();
        String ownColumn = column(joinTable == null ? new JoinColumn[0] : joinTable.joinColumns(),
                NamingStrategy.snakeCase(inverseName(owner.type(), field, target.type())) + "_" + ownerId.column(),
                where, "joinColumns", problems);
        String otherColumn = column(joinTable == null ? new JoinColumn[0] : joinTable.inverseJoinColumns(),
                NamingStrategy.snakeCase(field.getName()) + "_" + targetId.column(), where, "inverseJoinColumns", problems);
        if (ownColumn == null || otherColumn == null) {
            return null;
        }
        if (ownColumn.equals(otherColumn)) {
            problems.add(where + " links through table \"" + table + "\" whose two columns are both named \"" + ownColumn
                    + "\"; name them apart with @JoinTable(joinColumns = @JoinColumn(name = …), inverseJoinColumns ="
                    + " @JoinColumn(name = …))");
            return null;
        }
        return new RelationshipMapping.LinkTable(table, ownColumn, otherColumn, ownerId.type(), targetId.type(), true, false);
    }

    /**
     * The foreign key column of a unidirectional {@code @OneToMany} with {@code @JoinColumn}, on the
     * element's table: named by {@code @JoinColumn(name)}, else {@code <field>_<owner id column>}.
     * It must be nullable: elements are inserted first and linked by an UPDATE of the column.
     *
     * @param owner the reader of the class with the collection
     * @param field the collection field
     * @param target the reader of the element class
     * @param joinColumn the field's {@code @JoinColumn}
     * @param problems where a problem is reported
     * @return the column as a link, or {@code null} when a problem was reported
     */
    static RelationshipMapping.LinkTable joinColumn(
            EntityReader owner, Field field, EntityReader target, JoinColumn joinColumn, List<String> problems) {
        ColumnMapping ownerId = owner.idColumn();
        ColumnMapping targetId = target.idColumn();
        if (ownerId == null || targetId == null) {
            return null;
        }
        String where = owner.type().getSimpleName() + "." + field.getName();
        String column = joinColumn.name().isEmpty()
                ? NamingStrategy.snakeCase(field.getName()) + "_" + ownerId.column() : joinColumn.name();
        if (!joinColumn.nullable()) {
            problems.add(where + " is a @OneToMany with @JoinColumn(nullable = false), but its elements are inserted"
                    + " before the column is set; keep the column nullable, or map a @ManyToOne on "
                    + target.type().getSimpleName() + " with @OneToMany(mappedBy = …) to make it NOT NULL");
            return null;
        }
        if (HierarchyReader.isJoined(target)) {
            problems.add(where + " is a @OneToMany with @JoinColumn, but " + target.type().getSimpleName() + " is mapped"
                    + " JOINED, whose rows span several tables; map a @ManyToOne on " + target.type().getSimpleName()
                    + " with @OneToMany(mappedBy = …) instead");
            return null;
        }
        if (target.hasColumn(column)) {
            problems.add(where + " puts its @JoinColumn \"" + column + "\" on table \"" + target.table() + "\", which"
                    + " already maps a column of that name; name it apart with @JoinColumn(name = …)");
            return null;
        }
        return new RelationshipMapping.LinkTable(target.table(), column, targetId.column(), ownerId.type(),
                targetId.type(), true, true);
    }

    /**
     * The link table as the inverse ({@code mappedBy}) side sees it: the owning side's, reversed.
     *
     * @param inverse the reader of the class with the inverse field
     * @param field the inverse field
     * @param mappedBy the owning field's name
     * @param owner the reader of the element class, which holds the owning field
     * @param problems where a problem is reported (the owning side's own problems are reported there)
     * @return the link table, or {@code null} when a problem was reported
     */
    static RelationshipMapping.LinkTable inverse(
            EntityReader inverse, Field field, String mappedBy, EntityReader owner, List<String> problems) {
        Field owning = owner.findField(mappedBy);
        ManyToMany annotation = owning == null ? null : owning.getAnnotation(ManyToMany.class);
        if (annotation == null || !annotation.mappedBy().isEmpty()
                || RelationshipReader.elementType(owning) != inverse.type()) {
            String self = inverse.type().getSimpleName();
            String other = owner.type().getSimpleName();
            problems.add(self + "." + field.getName() + " has mappedBy = \"" + mappedBy + "\", but " + other
                    + " has no owning @ManyToMany of " + self + " of that name; mappedBy must name the @ManyToMany"
                    + " collection of " + other + " (the side with @JoinTable) whose elements are " + self);
            return null;
        }
        RelationshipMapping.LinkTable owningLink = of(owner, owning, inverse, new ArrayList<>());
        return owningLink == null ? null : owningLink.reversed();
    }

    private static String column(JoinColumn[] declared, String fallback, String where, String attribute, List<String> problems) {
        if (declared.length > 1) {
            problems.add(where + " declares " + declared.length + " @JoinTable(" + attribute + "); a link table column"
                    + " refers to a single-column @Id: declare one @JoinColumn");
            return null;
        }
        return declared.length == 1 && !declared[0].name().isEmpty() ? declared[0].name() : fallback;
    }

    /** The inverse side's field name (its {@code mappedBy} names this field), else the owner's entity name. */
    private static String inverseName(Class<?> ownerType, Field owning, Class<?> targetType) {
        for (Field candidate : targetType.getDeclaredFields()) {
            ManyToMany inverse = candidate.getAnnotation(ManyToMany.class);
            if (inverse != null && inverse.mappedBy().equals(owning.getName())
                    && candidate.getGenericType() instanceof ParameterizedType parameterized
                    && parameterized.getActualTypeArguments()[0] == ownerType) {
                return candidate.getName();
            }
        }
        return ownerType.getSimpleName();
    }
}
