package io.valence.orm.internal.mapping;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the relationship fields of one entity and, once every entity's columns are known, resolves
 * them against their targets, adding the foreign key columns they need to the entity's own.
 */
final class RelationshipReader {
    private final EntityReader entity;
    private final List<String> problems;
    private final List<PendingRelationship> pendingRelationships = new ArrayList<>();
    private final List<RelationshipMapping> relationships = new ArrayList<>();

    /** A relationship read from its field, waiting for the target's mapping to be known. */
    private record PendingRelationship(Field field, RelationshipMapping.Kind kind, Class<?> target, String mappedBy,
            JoinColumn joinColumn, boolean optional, boolean cascadeRemove, boolean orphanRemoval, String orderBy,
            JoinTable joinTable) {}

    RelationshipReader(EntityReader entity, List<String> problems) {
        this.entity = entity;
        this.problems = problems;
    }

    List<RelationshipMapping> relationships() {
        return relationships;
    }

    static boolean isRelationship(Field field) {
        return field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToMany.class)
                || field.isAnnotationPresent(OneToOne.class) || field.isAnnotationPresent(ManyToMany.class);
    }

    /** Reads a relationship field of the entity; it is resolved once every entity has read its own fields. */
    void read(Field field) {
        String where = entity.where(field);
        ManyToOne manyToOne = field.getAnnotation(ManyToOne.class);
        OneToMany oneToMany = field.getAnnotation(OneToMany.class);
        OneToOne oneToOne = field.getAnnotation(OneToOne.class);
        ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
        if (Arrays.stream(new Object[] {manyToOne, oneToMany, oneToOne, manyToMany}).filter(a -> a != null).count() > 1) {
            problems.add(where + " has more than one of @ManyToOne, @OneToMany, @OneToOne and @ManyToMany; keep"
                    + " exactly one");
            return;
        }
        JoinColumn joinColumn = field.getAnnotation(JoinColumn.class);
        if (manyToMany != null) {
            readManyToMany(field, manyToMany);
        } else if (manyToOne != null) {
            pendingRelationships.add(new PendingRelationship(field, RelationshipMapping.Kind.MANY_TO_ONE, field.getType(),
                    null, joinColumn, manyToOne.optional(), cascadesRemove(manyToOne.cascade()), false, null, null));
        } else if (oneToMany != null) {
            readOneToMany(field, oneToMany, joinColumn);
        } else {
            String mappedBy = oneToOne.mappedBy().isEmpty() ? null : oneToOne.mappedBy();
            if (mappedBy != null && joinColumn != null) {
                problems.add(where + " is the inverse side (mappedBy) of a @OneToOne and cannot have @JoinColumn;"
                        + " put @JoinColumn on the owning side");
            }
            pendingRelationships.add(new PendingRelationship(field, RelationshipMapping.Kind.ONE_TO_ONE, field.getType(),
                    mappedBy, joinColumn, oneToOne.optional(), cascadesRemove(oneToOne.cascade()), oneToOne.orphanRemoval(),
                    null, null));
        }
    }

    private void readOneToMany(Field field, OneToMany oneToMany, JoinColumn joinColumn) {
        String where = entity.where(field);
        if (joinColumn != null && !oneToMany.mappedBy().isEmpty()) {
            problems.add(where + " is a @OneToMany with mappedBy and @JoinColumn; the foreign key column belongs to"
                    + " the @ManyToOne on the element class: move @JoinColumn there and keep @OneToMany(mappedBy = …)");
            return;
        }
        if (oneToMany.mappedBy().isEmpty() && joinColumn == null) {
            problems.add(where + " is a @OneToMany without mappedBy or @JoinColumn; add a @ManyToOne field on the"
                    + " element class and write @OneToMany(mappedBy = \"thatField\"), or name the foreign key column"
                    + " on the element's table with @JoinColumn(name = …)");
            return;
        }
        Class<?> element = collectionElement(field, "@OneToMany", "List, Set or Collection", "List<Child>");
        if (element == null) {
            return;
        }
        OrderBy orderBy = field.getAnnotation(OrderBy.class);
        pendingRelationships.add(new PendingRelationship(field, RelationshipMapping.Kind.ONE_TO_MANY, element,
                oneToMany.mappedBy().isEmpty() ? null : oneToMany.mappedBy(), joinColumn, true,
                cascadesRemove(oneToMany.cascade()), oneToMany.orphanRemoval(), orderBy == null ? null : orderBy.value(),
                null));
    }

    private void readManyToMany(Field field, ManyToMany manyToMany) {
        String where = entity.where(field);
        String mappedBy = manyToMany.mappedBy().isEmpty() ? null : manyToMany.mappedBy();
        JoinTable joinTable = field.getAnnotation(JoinTable.class);
        if (mappedBy != null && joinTable != null) {
            problems.add(where + " is the inverse side (mappedBy) of a @ManyToMany and cannot have @JoinTable; put"
                    + " @JoinTable on the owning side");
            return;
        }
        if (cascadesRemove(manyToMany.cascade())) {
            problems.add(where + " is a @ManyToMany with cascade REMOVE (or ALL), which would delete elements"
                    + " still linked to other rows; deleting a row already deletes its link rows: cascade PERSIST"
                    + " (or nothing) and delete elements yourself");
            return;
        }
        Class<?> element = collectionElement(field, "@ManyToMany", "Set, List or Collection", "Set<Tag>");
        if (element == null) {
            return;
        }
        OrderBy orderBy = field.getAnnotation(OrderBy.class);
        pendingRelationships.add(new PendingRelationship(field, RelationshipMapping.Kind.MANY_TO_MANY, element, mappedBy,
                null, true, false, false, orderBy == null ? null : orderBy.value(), joinTable));
    }

    /**
     * The element class of a collection relationship's field, or null after reporting why it has none.
     *
     * @param annotation the relationship's annotation, for the messages
     * @param types the collection types the message suggests
     * @param example a declaration the message suggests
     */
    private Class<?> collectionElement(Field field, String annotation, String types, String example) {
        if (field.getType() != List.class && field.getType() != Set.class && field.getType() != Collection.class) {
            problems.add(entity.where(field) + " is a " + annotation + " of type " + field.getType().getSimpleName()
                    + "; declare it as " + types);
            return null;
        }
        Class<?> element = elementType(field);
        if (element == null) {
            problems.add(entity.where(field) + " is a " + annotation + " without a concrete element type; declare it"
                    + " as e.g. " + example);
        }
        return element;
    }

    static Class<?> elementType(Field field) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    private static boolean cascadesRemove(CascadeType[] cascades) {
        return Arrays.stream(cascades).anyMatch(c -> c == CascadeType.ALL || c == CascadeType.REMOVE);
    }

    /**
     * Resolves the relationships read against their targets' readers, adding foreign key columns to the
     * entity's columns (unordered: the entity puts them in declaration order).
     */
    void resolve(Map<Class<?>, EntityReader> readers) {
        EntityReader parent = entity.parent();
        if (parent != null) { // resolved before this one: share its relationships and foreign keys
            relationships.addAll(parent.relationships());
            parent.columns().stream().filter(ColumnMapping::isForeignKey).forEach(entity.columns()::add);
        }
        for (PendingRelationship pending : pendingRelationships) {
            EntityReader target = readers.get(pending.target());
            if (target == null) {
                reportUnknownTarget(pending);
                continue;
            }
            if (refersByCompositeKey(pending, target)) {
                continue;
            }
            if (pending.kind() == RelationshipMapping.Kind.MANY_TO_MANY) {
                resolveLinked(pending, target);
            } else if (pending.kind() == RelationshipMapping.Kind.ONE_TO_MANY && pending.mappedBy() == null) {
                RelationshipMapping.LinkTable link = LinkTables.joinColumn(entity, pending.field(), target,
                        pending.joinColumn(), problems);
                if (link != null) {
                    relationships.add(new RelationshipMapping(pending.field().getName(), pending.kind(), pending.target(),
                            null, null, pending.cascadeRemove(), pending.orphanRemoval(),
                            FieldAccessor.of(pending.field()), orderOf(pending, target), link));
                }
            } else if (pending.mappedBy() != null) {
                resolveInverse(pending, target);
            } else {
                resolveOwning(pending, target);
            }
        }
    }

    /**
     * Reports a many-to-many or a unidirectional one-to-many whose link column would hold a
     * composite key: those are not mapped.
     */
    private boolean refersByCompositeKey(PendingRelationship pending, EntityReader target) {
        boolean linked = pending.kind() == RelationshipMapping.Kind.MANY_TO_MANY
                || (pending.kind() == RelationshipMapping.Kind.ONE_TO_MANY && pending.mappedBy() == null);
        EntityReader composite = !linked ? null
                : target.compositeKey() != null ? target : entity.compositeKey() != null ? entity : null;
        if (composite == null) {
            return false;
        }
        problems.add(entity.where(pending.field()) + " links " + entity.type().getSimpleName() + " and "
                + target.type().getSimpleName() + " through a link column, and " + composite.type().getSimpleName()
                + " has a composite key; link tables and @JoinColumn collections over composite keys are not"
                + " supported: map the link rows as an entity with a @ManyToOne to each side, or give "
                + composite.type().getSimpleName() + " a single @Id");
        return true;
    }

    private void reportUnknownTarget(PendingRelationship pending) {
        Class<?> target = pending.target();
        String where = entity.where(pending.field());
        if (!target.isAnnotationPresent(Entity.class)) {
            problems.add(where + " refers to " + target.getSimpleName() + ", which is not annotated with"
                    + " @Entity; annotate " + target.getSimpleName() + " with @Entity and add it with entities("
                    + target.getSimpleName() + ".class), or mark " + where + " @Transient");
        } else {
            problems.add(where + " refers to " + target.getSimpleName() + ", which is not among this"
                    + " factory's entities; add it with entities(" + target.getSimpleName() + ".class) or"
                    + " scanPackages(\"" + target.getPackageName() + "\")");
        }
    }

    private void resolveOwning(PendingRelationship pending, EntityReader target) {
        if (target.compositeKey() != null) {
            resolveCompositeOwning(pending, target);
            return;
        }
        ColumnMapping targetId = target.idColumn();
        if (targetId == null) {
            return; // the target's missing @Id is reported on its own
        }
        Field field = pending.field();
        if (field.isAnnotationPresent(JoinColumns.class)) {
            problems.add(entity.where(field) + " has @JoinColumns, but " + target.type().getSimpleName()
                    + " has a single @Id, so the foreign key has one column; name it with @JoinColumn(name = …)"
                    + " instead");
            return;
        }
        JoinColumn joinColumn = pending.joinColumn();
        String name = joinColumn != null && !joinColumn.name().isEmpty()
                ? joinColumn.name() : NamingStrategy.snakeCase(field.getName()) + "_" + targetId.column();
        boolean nullable = entity.sharesTable()
                || (pending.optional() && (joinColumn == null || joinColumn.nullable()));
        boolean unique = pending.kind() == RelationshipMapping.Kind.ONE_TO_ONE || (joinColumn != null && joinColumn.unique());
        ColumnMapping foreignKey = new ColumnMapping(field.getName(), name, targetId.type(), nullable, unique,
                ColumnMapping.Role.FOREIGN_KEY, FieldAccessor.of(field));
        entity.columns().add(foreignKey);
        relationships.add(new RelationshipMapping(field.getName(), pending.kind(), pending.target(), null, foreignKey,
                pending.cascadeRemove(), pending.orphanRemoval(), FieldAccessor.of(field), List.of(), null));
    }

    /**
     * A to-one to an entity with a composite key: a foreign key column per key part; a one-to-one's
     * columns are unique together.
     */
    private void resolveCompositeOwning(PendingRelationship pending, EntityReader target) {
        Field field = pending.field();
        List<ColumnMapping> foreignKey = CompositeForeignKeys.read(entity.where(field), field,
                target.type().getSimpleName(), target.compositeKey().parts(), pending.optional(), problems);
        if (foreignKey.isEmpty()) {
            return;
        }
        entity.columns().addAll(foreignKey);
        if (pending.kind() == RelationshipMapping.Kind.ONE_TO_ONE) {
            entity.indexes().add(new IndexMapping(null, foreignKey.stream().map(ColumnMapping::column).toList(), true));
        }
        relationships.add(new RelationshipMapping(field.getName(), pending.kind(), pending.target(), null,
                foreignKey.get(0), pending.cascadeRemove(), pending.orphanRemoval(), FieldAccessor.of(field), List.of(),
                null));
    }

    private void resolveInverse(PendingRelationship pending, EntityReader target) {
        Field field = pending.field();
        boolean oneToMany = pending.kind() == RelationshipMapping.Kind.ONE_TO_MANY;
        String owningKind = oneToMany ? "@ManyToOne" : "@OneToOne";
        String targetName = target.type().getSimpleName();
        Field owning = target.findField(pending.mappedBy());
        if (owning == null || !pointsBackTo(owning, oneToMany)) {
            String found = owning == null ? targetName + " has no field of that name"
                    : targetName + "." + owning.getName() + " is " + describe(owning) + ", not an owning " + owningKind
                    + " of " + entity.type().getSimpleName();
            List<String> candidates = target.fields().stream()
                    .filter(candidate -> pointsBackTo(candidate, oneToMany)).map(Field::getName).toList();
            problems.add(entity.where(field) + " has mappedBy = \"" + pending.mappedBy() + "\", but " + found
                    + "; mappedBy must name the " + owningKind + " field of " + targetName
                    + " that holds the foreign key back to " + entity.type().getSimpleName() + (candidates.isEmpty()
                            ? ": add such a field to " + targetName
                            : " (" + String.join(", ", candidates.stream().map(c -> "\"" + c + "\"").toList()) + ")"));
            return;
        }
        relationships.add(new RelationshipMapping(field.getName(), pending.kind(), pending.target(), pending.mappedBy(),
                null, pending.cascadeRemove(), pending.orphanRemoval(), FieldAccessor.of(field),
                orderOf(pending, target), null));
    }

    private List<RelationshipMapping.OrderColumn> orderOf(PendingRelationship pending, EntityReader target) {
        return pending.orderBy() == null ? List.of()
                : CollectionOrder.read(entity.where(pending.field()), pending.orderBy(), target.type(),
                        target.columns(), problems);
    }

    /** A {@code @ManyToMany}: the owning side names its link table, the inverse side finds the owning field. */
    private void resolveLinked(PendingRelationship pending, EntityReader target) {
        Field field = pending.field();
        RelationshipMapping.LinkTable link = pending.mappedBy() == null ? LinkTables.of(entity, field, target, problems)
                : LinkTables.inverse(entity, field, pending.mappedBy(), target, problems);
        if (link != null) {
            relationships.add(new RelationshipMapping(field.getName(), RelationshipMapping.Kind.MANY_TO_MANY,
                    pending.target(), pending.mappedBy(), null, false, false, FieldAccessor.of(field),
                    orderOf(pending, target), link));
        }
    }

    private boolean pointsBackTo(Field owning, boolean fromOneToMany) {
        if (owning.getType() != entity.type()) {
            return false;
        }
        if (fromOneToMany) {
            return owning.isAnnotationPresent(ManyToOne.class);
        }
        OneToOne oneToOne = owning.getAnnotation(OneToOne.class);
        return oneToOne != null && oneToOne.mappedBy().isEmpty();
    }

    private static String describe(Field field) {
        String typeName = field.getType().getSimpleName();
        if (field.isAnnotationPresent(ManyToOne.class)) {
            return "a @ManyToOne of " + typeName;
        }
        if (field.isAnnotationPresent(OneToOne.class)) {
            return field.getAnnotation(OneToOne.class).mappedBy().isEmpty()
                    ? "a @OneToOne of " + typeName : "the inverse (mappedBy) side of a @OneToOne";
        }
        if (field.isAnnotationPresent(OneToMany.class)) {
            return "a @OneToMany";
        }
        return "a " + typeName + " column";
    }
}
