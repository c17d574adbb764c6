package io.valence.orm.internal.mapping;

import jakarta.persistence.IdClass;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an entity's composite primary key: several {@code @Id} fields named by an {@code @IdClass},
 * or one {@code @EmbeddedId}. Key parts are assigned by the application; the key class needs a
 * no-arg constructor and value {@code equals}/{@code hashCode}, as the identity map is keyed by it.
 */
final class CompositeKeyReader {
    private final Class<?> type;
    private final List<String> problems;

    CompositeKeyReader(Class<?> type, List<String> problems) {
        this.type = type;
        this.problems = problems;
    }

    /**
     * Reads the key.
     *
     * @param ids the entity's key columns in declaration order
     * @param embeddedId the {@code @EmbeddedId} field, or {@code null}
     * @param generated whether a key field is {@code @GeneratedValue}
     * @return the composite key, or {@code null} for a single {@code @Id} (or after a problem)
     */
    KeyMapping read(List<ColumnMapping> ids, Field embeddedId, boolean generated) {
        IdClass idClass = type.getAnnotation(IdClass.class);
        String name = type.getSimpleName();
        if (embeddedId != null) {
            if (idClass != null || ids.stream().anyMatch(id -> id.accessor().holder() == null)) {
                problem(name + " has an @EmbeddedId and also " + (idClass != null ? "@IdClass" : "@Id fields") + "; a key"
                        + " is declared one way: keep the @EmbeddedId and move the other key fields into "
                        + embeddedId.getType().getSimpleName());
                return null;
            }
            return ids.isEmpty() ? null : build(ids, embeddedId.getType(), embeddedFields(ids, embeddedId));
        }
        if (idClass == null) {
            if (ids.size() > 1) {
                problem(name + " has several @Id fields (" + ids.stream().map(ColumnMapping::property).toList()
                        + ") but no @IdClass; name the key class with @IdClass(" + name + "Key.class), a class with"
                        + " fields of the same names and types and equals/hashCode, or use an @EmbeddedId");
            }
            return null;
        }
        if (ids.size() < 2) {
            problem(name + " has @IdClass(" + idClass.value().getSimpleName() + ") but " + ids.size() + " @Id field;"
                    + " an @IdClass names the key of several @Id fields: remove @IdClass, or mark each key field @Id");
            return null;
        }
        if (generated) {
            problem(name + " has a composite key (@IdClass) with a @GeneratedValue part; composite key parts are"
                    + " assigned by the application: remove @GeneratedValue and set every part before add()");
            return null;
        }
        return build(ids, idClass.value(), idClassFields(ids, idClass.value()));
    }

    private List<Field> embeddedFields(List<ColumnMapping> ids, Field embeddedId) {
        List<Field> fields = new ArrayList<>();
        for (ColumnMapping id : ids) {
            if (id.accessor().holder().holder() != null) {
                problem(type.getSimpleName() + "." + id.property() + " is nested in an embedded value inside the"
                        + " @EmbeddedId; key parts are the embeddable's own basic fields: flatten "
                        + embeddedId.getType().getSimpleName());
                return null;
            }
            if (id.accessor().holder() != ids.get(0).accessor().holder()) {
                problem(type.getSimpleName() + " has several @EmbeddedId fields; an entity has one key: keep one"
                        + " @EmbeddedId and make the other field @Embedded");
                return null;
            }
            fields.add(id.accessor().field());
        }
        return fields;
    }

    private List<Field> idClassFields(List<ColumnMapping> ids, Class<?> keyClass) {
        List<Field> persistent = Arrays.stream(keyClass.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()).toList();
        List<Field> fields = new ArrayList<>();
        for (ColumnMapping id : ids) {
            Field field = persistent.stream().filter(f -> f.getName().equals(id.property())).findFirst().orElse(null);
            Class<?> idType = id.type().javaType();
            if (field == null || ColumnTypeResolver.boxed(field.getType()) != idType) {
                problem(type.getSimpleName() + "." + id.property() + " is an @Id, but @IdClass " + keyClass.getSimpleName()
                        + (field == null ? " has no field of that name" : " declares it as " + field.getType().getSimpleName())
                        + "; declare `" + idType.getSimpleName() + " " + id.property() + "` in "
                        + keyClass.getSimpleName());
                return null;
            }
            fields.add(field);
        }
        if (persistent.size() != ids.size()) {
            problem("@IdClass " + keyClass.getSimpleName() + " of " + type.getSimpleName() + " has fields that are no @Id"
                    + " of " + type.getSimpleName() + " (" + persistent.stream().map(Field::getName)
                            .filter(n -> ids.stream().noneMatch(id -> id.property().equals(n))).toList()
                    + "); the key class holds exactly the @Id fields: remove them, or mark them static");
            return null;
        }
        return fields;
    }

    private KeyMapping build(List<ColumnMapping> ids, Class<?> keyClass, List<Field> fields) {
        if (fields == null) {
            return null;
        }
        for (ColumnMapping id : ids) {
            if (!ColumnTypeResolver.isSupportedIdType(id.type().javaType())) {
                problem(type.getSimpleName() + "." + id.property() + " is part of the key but has type "
                        + id.type().javaType().getSimpleName() + "; key parts must be long, int, short, String or UUID");
                return null;
            }
        }
        if (!declaresValueEquality(keyClass)) {
            problem("The key class " + keyClass.getSimpleName() + " of " + type.getSimpleName() + " does not override"
                    + " equals and hashCode; the session finds objects by key value: implement both over every key"
                    + " field (or make it a class with generated equals/hashCode)");
            return null;
        }
        MethodHandle constructor;
        try {
            constructor = MethodHandles.privateLookupIn(keyClass, MethodHandles.lookup())
                    .findConstructor(keyClass, MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            problem("The key class " + keyClass.getSimpleName() + " of " + type.getSimpleName() + " has no no-arg"
                    + " constructor, so Valence cannot build keys of loaded rows; add one (any visibility)");
            return null;
        }
        List<FieldAccessor> accessors = fields.stream().map(FieldAccessor::of).toList();
        return KeyMapping.composite(ids, keyClass, constructor, accessors);
    }

    private static boolean declaresValueEquality(Class<?> keyClass) {
        try {
            return keyClass.getMethod("equals", Object.class).getDeclaringClass() != Object.class
                    && keyClass.getMethod("hashCode").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private void problem(String message) {
        problems.add(message);
    }
}
