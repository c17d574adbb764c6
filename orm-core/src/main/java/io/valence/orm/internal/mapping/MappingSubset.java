package io.valence.orm.internal.mapping;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks that an entity class uses only the documented subset of {@code jakarta.persistence}: which
 * annotations, which of their attributes, and on which kinds of field. Anything else is a problem that
 * names the class, the field, what is supported and what to do, because silently ignoring an annotation
 * would let the schema or the behaviour differ from what the code says.
 */
final class MappingSubset {
    private static final Set<Class<? extends Annotation>> FIELD_ANNOTATIONS = Set.of(
            Id.class, GeneratedValue.class, SequenceGenerator.class, Column.class, ManyToOne.class,
            JoinColumn.class, OneToMany.class, OneToOne.class, ManyToMany.class, JoinTable.class, OrderBy.class,
            Version.class, Transient.class, Enumerated.class, Embedded.class, AttributeOverride.class,
            AttributeOverrides.class, Convert.class, EmbeddedId.class, JoinColumns.class);
    private static final Set<Class<? extends Annotation>> CLASS_ANNOTATIONS = Set.of(Entity.class, Table.class,
            SequenceGenerator.class, EntityListeners.class, AttributeOverride.class, AttributeOverrides.class,
            IdClass.class, Inheritance.class, DiscriminatorColumn.class, DiscriminatorValue.class,
            PrimaryKeyJoinColumn.class);
    private static final Set<Class<? extends Annotation>> MAPPED_SUPERCLASS_ANNOTATIONS =
            Set.of(MappedSuperclass.class, EntityListeners.class);
    private static final String SUPPORTED_FIELD_ANNOTATIONS = "@Id, @GeneratedValue, @SequenceGenerator, @Column,"
            + " @ManyToOne, @JoinColumn(s), @OneToMany, @OneToOne, @ManyToMany, @JoinTable, @OrderBy, @Version,"
            + " @Transient, @Enumerated, @Embedded, @EmbeddedId, @AttributeOverride(s) and @Convert";

    /** The attributes Valence honours, per annotation; any other attribute set to a non-default value is a problem. */
    private static final Map<Class<? extends Annotation>, List<String>> SUPPORTED_ATTRIBUTES = Map.ofEntries(
            Map.entry(Entity.class, List.of()),
            Map.entry(Table.class, List.of("name", "indexes", "uniqueConstraints")),
            Map.entry(Index.class, List.of("name", "columnList", "unique")),
            Map.entry(UniqueConstraint.class, List.of("name", "columnNames")),
            Map.entry(Column.class, List.of("name", "nullable", "unique", "length", "precision", "scale",
                    "columnDefinition")),
            Map.entry(JoinColumn.class, List.of("name", "nullable", "unique")),
            Map.entry(SequenceGenerator.class, List.of("name", "sequenceName", "allocationSize")),
            Map.entry(GeneratedValue.class, List.of("strategy", "generator")),
            Map.entry(ManyToOne.class, List.of("cascade", "fetch", "optional")),
            Map.entry(OneToMany.class, List.of("mappedBy", "cascade", "orphanRemoval")),
            Map.entry(OneToOne.class, List.of("mappedBy", "cascade", "fetch", "optional", "orphanRemoval")),
            Map.entry(ManyToMany.class, List.of("mappedBy", "cascade")),
            Map.entry(JoinTable.class, List.of("name", "joinColumns", "inverseJoinColumns")),
            Map.entry(JoinColumns.class, List.of("value")),
            Map.entry(OrderBy.class, List.of("value")),
            Map.entry(Enumerated.class, List.of("value")),
            Map.entry(MappedSuperclass.class, List.of()),
            Map.entry(Embeddable.class, List.of()),
            Map.entry(Embedded.class, List.of()),
            Map.entry(EmbeddedId.class, List.of()),
            Map.entry(IdClass.class, List.of("value")),
            Map.entry(AttributeOverride.class, List.of("name", "column")),
            Map.entry(AttributeOverrides.class, List.of("value")),
            Map.entry(EntityListeners.class, List.of("value")),
            Map.entry(Convert.class, List.of("converter", "disableConversion")),
            Map.entry(Inheritance.class, List.of("strategy")),
            Map.entry(DiscriminatorColumn.class, List.of("name", "discriminatorType", "length")),
            Map.entry(DiscriminatorValue.class, List.of("value")),
            Map.entry(PrimaryKeyJoinColumn.class, List.of("name")));

    /**
     * The attributes of each {@code @JoinColumn} of a {@code @JoinColumns}: a column of a foreign key
     * to a composite key, which may name the key column it refers to.
     */
    private static final List<String> COMPOSITE_JOIN_COLUMN_ATTRIBUTES = List.of("name", "nullable",
            "referencedColumnName");

    /** What to do instead of an unsupported annotation, when there is more to say than "remove it". */
    private static final Map<String, String> ANNOTATION_HINTS = Map.ofEntries(
            Map.entry("ElementCollection", "map the elements as an entity with a @ManyToOne back to this one"),
            Map.entry("Lob", "remove it: String maps to text and byte[] to bytea without it"),
            Map.entry("Temporal", "remove it and use LocalDate, LocalDateTime, OffsetDateTime or Instant"),
            Map.entry("Basic", "remove it; use @Column(nullable = false) for NOT NULL"),
            Map.entry("PrimaryKeyJoinColumn", "on a field it shares a one-to-one's key, which Valence does not map:"
                    + " map the relationship with @OneToOne and @JoinColumn (on a JOINED subclass, the class may carry it)"),
            Map.entry("PrimaryKeyJoinColumns", "the key columns of a JOINED subclass's table keep the root's names"
                    + " when the key is composite: remove it"),
            Map.entry("MappedSuperclass", "a class is either an entity or a mapped superclass: keep one of the two"),
            Map.entry("Embeddable", "a class is either an entity or embeddable: keep one of the two"),
            Map.entry("Access", "Valence reads fields (field access): remove it and annotate the fields"));

    /** What to do instead of an unsupported attribute, keyed {@code Annotation.attribute}. */
    private static final Map<String, String> ATTRIBUTE_HINTS = Map.ofEntries(
            Map.entry("Entity.name", "name the table with @Table(name = …) instead"),
            Map.entry("Table.schema", "set the schema through the connection's search_path instead"),
            Map.entry("Table.catalog", "connect to that database instead"),
            Map.entry("DiscriminatorColumn.columnDefinition", "the type follows discriminatorType and length: remove it"),
            Map.entry("SequenceGenerator.schema", "set the schema through the connection's search_path instead"),
            Map.entry("SequenceGenerator.initialValue", "sequences start at 1: remove it"),
            Map.entry("Column.insertable", "every mapped column is written: mark derived fields @Transient"),
            Map.entry("Column.updatable", "every mapped column is written: mark derived fields @Transient"),
            Map.entry("JoinColumn.referencedColumnName", "foreign keys always reference the target's @Id: remove it"),
            Map.entry("OneToMany.fetch", "Valence never loads relationships implicitly: load them per query with"
                    + " Load.selectIn(…) or session.fetch(entity, …)"),
            Map.entry("ManyToOne.targetEntity", "the target is the field's declared type: remove it"),
            Map.entry("OneToOne.targetEntity", "the target is the field's declared type: remove it"),
            Map.entry("OneToMany.targetEntity", "the target is the collection's element type: declare it as"
                    + " List<Target> and remove targetEntity"));

    private MappingSubset() {}

    /**
     * Checks the class itself: its kind (concrete, static, not a record) and its annotations.
     *
     * @return whether its fields can be read at all
     */
    static boolean checkClass(Class<?> type, List<String> problems) {
        String name = type.getSimpleName();
        if (type.isInterface() || type.isEnum()) {
            problems.add(name + " is " + (type.isEnum() ? "an enum" : "an interface") + "; @Entity belongs on a"
                    + " concrete class with a no-arg constructor: move it there");
            return false;
        }
        if (type.isRecord()) {
            problems.add(name + " is a record, whose fields cannot change after construction, but Valence sets ids"
                    + " and loaded values on entities: make it a class with non-final fields and a no-arg constructor");
            return false;
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            problems.add(name + " is an inner class of " + type.getEnclosingClass().getSimpleName() + ", so it has"
                    + " no no-arg constructor Valence can call; declare it static, or as a top-level class");
            return false;
        }
        for (Annotation annotation : type.getAnnotations()) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (isPersistence(kind) && !CLASS_ANNOTATIONS.contains(kind)) {
                problems.add(name + " is annotated with @" + kind.getSimpleName() + ", which Valence does not"
                        + " support; on entity classes it supports @Entity, @Table, @SequenceGenerator, @EntityListeners,"
                        + " @IdClass, @AttributeOverride(s), @Inheritance, @DiscriminatorColumn, @DiscriminatorValue and"
                        + " @PrimaryKeyJoinColumn: "
                        + ANNOTATION_HINTS.getOrDefault(kind.getSimpleName(), "remove it"));
            } else if (isPersistence(kind)) {
                checkAttributes(name, annotation, problems);
            }
        }
        Table table = type.getAnnotation(Table.class);
        for (AttributeOverride override : type.getAnnotationsByType(AttributeOverride.class)) {
            checkAttributes(name + " (@AttributeOverride \"" + override.name() + "\")", override.column(), problems);
        }
        if (table != null) {
            for (Index index : table.indexes()) {
                checkAttributes(name, index, problems);
            }
            for (UniqueConstraint constraint : table.uniqueConstraints()) {
                checkAttributes(name, constraint, problems);
            }
        }
        return true;
    }

    /**
     * Checks the annotations of a {@code @MappedSuperclass} of an entity: only {@code @MappedSuperclass}
     * and {@code @EntityListeners} mean something there.
     */
    static void checkMappedSuperclass(Class<?> superclass, Class<?> entity, List<String> problems) {
        checkClassAnnotations(superclass, superclass.getSimpleName() + " (the @MappedSuperclass of "
                + entity.getSimpleName() + ")", MAPPED_SUPERCLASS_ANNOTATIONS, "@MappedSuperclass and @EntityListeners",
                problems);
    }

    /** Checks the annotations of an embeddable class: only {@code @Embeddable} means something there. */
    static void checkEmbeddable(Class<?> embeddable, String where, List<String> problems) {
        checkClassAnnotations(embeddable, embeddable.getSimpleName() + " (embedded in " + where + ")",
                Set.of(Embeddable.class), "@Embeddable", problems);
    }

    private static void checkClassAnnotations(Class<?> type, String name, Set<Class<? extends Annotation>> allowed,
            String allowedText, List<String> problems) {
        for (Annotation annotation : type.getDeclaredAnnotations()) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (isPersistence(kind) && !allowed.contains(kind)) {
                problems.add(name + " is annotated with @" + kind.getSimpleName() + ", which Valence does not support"
                        + " there; it supports " + allowedText + ": " + ANNOTATION_HINTS.getOrDefault(kind.getSimpleName(),
                                "remove it"));
            } else if (isPersistence(kind)) {
                checkAttributes(name, annotation, problems);
            }
        }
    }

    /**
     * Checks a field's annotations, their attributes, and that each sits on a field of the right kind.
     *
     * @return whether the field can be read further (no unsupported annotation)
     */
    static boolean checkField(Field field, String where, List<String> problems) {
        boolean supported = true;
        for (Annotation annotation : field.getAnnotations()) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (!isPersistence(kind)) {
                continue;
            }
            if (!FIELD_ANNOTATIONS.contains(kind)) {
                problems.add(where + " is annotated with @" + kind.getSimpleName() + ", which Valence does not"
                        + " support; the supported field annotations are " + SUPPORTED_FIELD_ANNOTATIONS + ": "
                        + ANNOTATION_HINTS.getOrDefault(kind.getSimpleName(),
                                "model the data with those, or mark the field @Transient"));
                supported = false;
            } else {
                checkAttributes(where, annotation, problems);
            }
            if (annotation instanceof JoinColumns joinColumns) {
                for (JoinColumn column : joinColumns.value()) {
                    checkAttributes(where, column, COMPOSITE_JOIN_COLUMN_ATTRIBUTES, problems);
                }
            }
            if (annotation instanceof JoinTable joinTable) {
                for (JoinColumn column : joinTable.joinColumns()) {
                    checkAttributes(where, column, problems);
                }
                for (JoinColumn column : joinTable.inverseJoinColumns()) {
                    checkAttributes(where, column, problems);
                }
            }
        }
        for (AttributeOverride override : field.getAnnotationsByType(AttributeOverride.class)) {
            checkAttributes(where + " (@AttributeOverride \"" + override.name() + "\")", override.column(), problems);
        }
        if (supported) {
            checkPlacement(field, where, problems);
        }
        return supported;
    }

    private static void checkPlacement(Field field, String where, List<String> problems) {
        boolean manyToMany = field.isAnnotationPresent(ManyToMany.class);
        boolean relationship = field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToMany.class)
                || field.isAnnotationPresent(OneToOne.class) || manyToMany;
        boolean id = field.isAnnotationPresent(Id.class);
        if (!id && (field.isAnnotationPresent(GeneratedValue.class) || field.isAnnotationPresent(SequenceGenerator.class))) {
            problems.add(where + " has @GeneratedValue or @SequenceGenerator but no @Id; they configure how the"
                    + " primary key is generated: move them to the @Id field (a @SequenceGenerator may also go on"
                    + " the class)");
        }
        if (relationship && id) {
            problems.add(where + " is both @Id and a relationship; derived identities are not supported: give the"
                    + " entity its own @Id field and keep the relationship as a plain @ManyToOne/@OneToOne");
        }
        if (relationship && field.isAnnotationPresent(Column.class)) {
            problems.add(where + " is a relationship and also has @Column; name its foreign key column with"
                    + " @JoinColumn(name = …) instead");
        }
        if (!relationship && (field.isAnnotationPresent(JoinColumn.class) || field.isAnnotationPresent(JoinColumns.class))) {
            boolean single = field.isAnnotationPresent(JoinColumn.class);
            String annotation = single ? "@JoinColumn" : "@JoinColumns";
            problems.add(where + " has " + annotation + " but is not a @ManyToOne or @OneToOne; " + annotation
                    + " names " + (single ? "a foreign key column" : "foreign key columns") + ": use @Column(name = …)"
                    + " for a plain column");
        }
        if (field.isAnnotationPresent(OrderBy.class) && !field.isAnnotationPresent(OneToMany.class) && !manyToMany) {
            problems.add(where + " has @OrderBy but is not a @OneToMany or @ManyToMany; @OrderBy orders the members"
                    + " of a loaded collection: order queries with Select.orderBy(…) instead");
        }
        OneToOne oneToOne = field.getAnnotation(OneToOne.class);
        if (relationship && field.isAnnotationPresent(JoinColumns.class) && !field.isAnnotationPresent(ManyToOne.class)
                && (oneToOne == null || !oneToOne.mappedBy().isEmpty())) {
            problems.add(where + " has @JoinColumns but is not a @ManyToOne or an owning @OneToOne; @JoinColumns"
                    + " names the columns of a foreign key to a composite key, which only the owning side has: remove"
                    + " it, or move it to the owning side");
        }
        if (manyToMany && field.isAnnotationPresent(JoinColumn.class)) {
            problems.add(where + " is a @ManyToMany with @JoinColumn; its columns live in the link table: name them"
                    + " with @JoinTable(joinColumns = @JoinColumn(name = …), inverseJoinColumns = @JoinColumn(name = …))");
        }
        if (!manyToMany && field.isAnnotationPresent(JoinTable.class)) {
            problems.add(where + " has @JoinTable but is not a @ManyToMany; a link table belongs to the owning side"
                    + " of a @ManyToMany: remove it, or make the field a @ManyToMany");
        }
        if (id && field.isAnnotationPresent(Version.class)) {
            problems.add(where + " is both @Id and @Version; the version counter needs a column of its own: add a"
                    + " separate `@Version long version` field");
        }
        if (field.isAnnotationPresent(Enumerated.class) && !field.getType().isEnum()) {
            problems.add(where + " has @Enumerated but type " + field.getType().getSimpleName() + ", which is not an"
                    + " enum; remove @Enumerated, or change the field's type to the enum");
        }
        if (relationship && (field.isAnnotationPresent(Embedded.class) || field.isAnnotationPresent(Convert.class))) {
            problems.add(where + " is a relationship and also has @" + (field.isAnnotationPresent(Embedded.class)
                    ? "Embedded" : "Convert") + "; a relationship holds another entity: remove it, or map the value as"
                    + " a column instead of a relationship");
        }
        if (ColumnReader.isEmbedded(field) && (field.isAnnotationPresent(Convert.class)
                || field.isAnnotationPresent(Enumerated.class))) {
            problems.add(where + " holds an embedded value and also has @" + (field.isAnnotationPresent(Convert.class)
                    ? "Convert" : "Enumerated") + ", which applies to one column; put it on the embeddable's field, or"
                    + " drop @Embedded and convert the whole value with an AttributeConverter");
        }
        Convert convert = field.getAnnotation(Convert.class);
        Column jsonColumn = field.getAnnotation(Column.class);
        if (convert != null && !convert.disableConversion() && StructuredTypes.jsonType(jsonColumn) != null) {
            problems.add(where + " has both @Convert and a JSON @Column(columnDefinition); a column is written either"
                    + " by the converter or as JSON: keep one of the two");
        }
        if (field.isAnnotationPresent(Embedded.class) && field.isAnnotationPresent(Column.class)) {
            problems.add(where + " is @Embedded and also has @Column; an embedded value has a column per field: name"
                    + " them with @AttributeOverride(name = \"field\", column = @Column(name = …))");
        }
        if ((field.isAnnotationPresent(AttributeOverride.class) || field.isAnnotationPresent(AttributeOverrides.class))
                && !ColumnReader.isEmbedded(field)) {
            problems.add(where + " has @AttributeOverride but holds no embedded value; rename a plain column with"
                    + " @Column(name = …)");
        }
        Column column = relationship ? null : field.getAnnotation(Column.class);
        if (column != null && !column.columnDefinition().isEmpty() && StructuredTypes.jsonType(column) == null) {
            problems.add(where + " uses @Column(columnDefinition = \"" + column.columnDefinition() + "\"); Valence"
                    + " honours only \"jsonb\" and \"json\" there (a JSON column) and derives every other type from the"
                    + " field: use length, precision and scale, another field type, or an AttributeConverter");
        }
        if (column != null && column.length() != 255 && field.getType() != String.class && !field.getType().isEnum()) {
            problems.add(where + " sets @Column(length) on a field of type " + field.getType().getSimpleName() + "; length"
                    + " applies only to String and enum fields: remove it");
        }
        if (column != null && (column.precision() != 0 || column.scale() != 0)
                && field.getType() != java.math.BigDecimal.class && field.getType() != java.math.BigInteger.class) {
            problems.add(where + " sets @Column(precision/scale) on a field of type " + field.getType().getSimpleName() + ";"
                    + " they apply only to BigDecimal and BigInteger fields (numeric): remove them, or use BigDecimal");
        }
    }

    /** Reports every attribute of {@code annotation} that is set but not honoured by Valence. */
    private static void checkAttributes(String where, Annotation annotation, List<String> problems) {
        checkAttributes(where, annotation, SUPPORTED_ATTRIBUTES.getOrDefault(annotation.annotationType(), List.of()),
                problems);
    }

    private static void checkAttributes(String where, Annotation annotation, List<String> supported, List<String> problems) {
        Class<? extends Annotation> kind = annotation.annotationType();
        List<String> unsupported = new ArrayList<>();
        for (Method attribute : sortedAttributes(kind)) {
            if (!supported.contains(attribute.getName()) && isSet(annotation, attribute)) {
                unsupported.add(attribute.getName());
            }
        }
        for (String attribute : unsupported) {
            String annotationName = kind.getSimpleName();
            problems.add(where + " uses @" + annotationName + "(" + attribute + "), which Valence does not support; "
                    + (supported.isEmpty() ? "@" + annotationName + " takes no attributes"
                            : "the supported attributes of @" + annotationName + " are " + String.join(", ", supported))
                    + ": " + ATTRIBUTE_HINTS.getOrDefault(annotationName + "." + attribute, "remove it"));
        }
    }

    private static List<Method> sortedAttributes(Class<? extends Annotation> kind) {
        Method[] attributes = kind.getDeclaredMethods();
        Arrays.sort(attributes, Comparator.comparing(Method::getName));
        return List.of(attributes);
    }

    private static boolean isSet(Annotation annotation, Method attribute) {
        try {
            Object value = attribute.invoke(annotation);
            Object defaultValue = attribute.getDefaultValue();
            return defaultValue != null && !Objects.deepEquals(value, defaultValue);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read @" + annotation.annotationType().getSimpleName() + "("
                    + attribute.getName() + ")", e);
        }
    }

    private static boolean isPersistence(Class<? extends Annotation> kind) {
        return kind.getPackageName().equals("jakarta.persistence");
    }
}
