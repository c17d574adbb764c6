package io.valence.orm.internal.mapping;

import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
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
        return new RelationshipMapping.LinkTable(table, ownColumn, otherColumn, ownerId.type(), targetId.type(), true);
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
