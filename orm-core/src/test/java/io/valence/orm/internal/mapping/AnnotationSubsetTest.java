package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per annotation or attribute outside the supported subset, each asserting the full message. */
class AnnotationSubsetTest {
    private static final String FIELD_ANNOTATIONS = "@Id, @GeneratedValue, @SequenceGenerator, @Column, @ManyToOne,"
            + " @JoinColumn(s), @OneToMany, @OneToOne, @ManyToMany, @JoinTable, @OrderBy, @Version, @Transient,"
            + " @Enumerated, @Embedded, @EmbeddedId, @AttributeOverride(s) and @Convert";

    @Entity
    static class Student {
        @Id
        Long id;

        @ElementCollection
        List<String> nicknames;
    }

    @Test
    void unsupportedFieldAnnotationListsTheSupportedOnesAndTheAlternative() {
        assertThat(MappingProblems.of(Student.class)).containsExactly(
                "Student.nicknames is annotated with @ElementCollection, which Valence does not support; the"
                        + " supported field annotations are " + FIELD_ANNOTATIONS + ": map the elements as an entity"
                        + " with a @ManyToOne back to this one");
    }

    @Entity
    static class Document {
        @Id
        Long id;

        @Lob
        String body;
    }

    @Test
    void lobIsReportedAsUnnecessary() {
        assertThat(MappingProblems.of(Document.class)).containsExactly(
                "Document.body is annotated with @Lob, which Valence does not support; the supported field annotations"
                        + " are " + FIELD_ANNOTATIONS + ": remove it: String maps to text and byte[] to bytea"
                        + " without it");
    }

    @Entity
    @Cacheable
    static class Cached {
        @Id
        Long id;
    }

    @Test
    void unsupportedClassAnnotationListsTheSupportedOnes() {
        assertThat(MappingProblems.of(Cached.class)).containsExactly(
                "Cached is annotated with @Cacheable, which Valence does not support; on entity classes it supports"
                        + " @Entity, @Table, @SequenceGenerator, @EntityListeners, @IdClass, @AttributeOverride(s),"
                        + " @Inheritance, @DiscriminatorColumn, @DiscriminatorValue and @PrimaryKeyJoinColumn: remove it");
    }

    @Entity
    static class Json {
        @Id
        Long id;

        @Column(columnDefinition = "varchar(20)", updatable = false)
        String body;
    }

    @Test
    void unsupportedColumnAttributesAreReportedOneByOneWithTheSupportedOnes() {
        assertThat(MappingProblems.of(Json.class)).containsExactly(
                "Json.body uses @Column(updatable), which Valence does not support; the supported attributes of"
                        + " @Column are name, nullable, unique, length, precision, scale, columnDefinition: every mapped"
                        + " column is written: mark derived fields @Transient",
                "Json.body uses @Column(columnDefinition = \"varchar(20)\"); Valence honours only \"jsonb\" and"
                        + " \"json\" there (a JSON column) and derives every other type from the field: use length,"
                        + " precision and scale, another field type, or an AttributeConverter");
    }

    @Entity(name = "Person")
    @Table(schema = "crm")
    static class Contact {
        @Id
        Long id;
    }

    @Test
    void entityNameAndTableSchemaAreReportedWithWhatToDoInstead() {
        assertThat(MappingProblems.of(Contact.class)).containsExactly(
                "Contact uses @Entity(name), which Valence does not support; @Entity takes no attributes: name the"
                        + " table with @Table(name = …) instead",
                "Contact uses @Table(schema), which Valence does not support; the supported attributes of @Table are"
                        + " name, indexes, uniqueConstraints: set the schema through the connection's search_path"
                        + " instead");
    }

    @Entity
    static class Folder {
        @Id
        Long id;

        @ManyToOne(targetEntity = Folder.class)
        Object parent;

        @OneToMany(mappedBy = "parent", fetch = FetchType.EAGER)
        List<Folder> children;
    }

    @Test
    void targetEntityAndEagerCollectionsAreReported() {
        assertThat(MappingProblems.of(Folder.class)).contains(
                "Folder.parent uses @ManyToOne(targetEntity), which Valence does not support; the supported"
                        + " attributes of @ManyToOne are cascade, fetch, optional: the target is the field's declared"
                        + " type: remove it",
                "Folder.children uses @OneToMany(fetch), which Valence does not support; the supported attributes of"
                        + " @OneToMany are mappedBy, cascade, orphanRemoval: Valence never loads relationships"
                        + " implicitly: load them per query with Load.selectIn(…) or session.fetch(entity, …)");
    }

    @Entity
    static class Misplaced {
        @Id
        Long id;

        @JoinColumn(name = "owner")
        Long ownerId;

        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long counter;

        @Enumerated(EnumType.STRING)
        String status;

        @Column(length = 20)
        int quantity;

        @Column(precision = 10, scale = 2)
        double price;
    }

    @Test
    void annotationsOnTheWrongKindOfFieldSayWhereTheyBelong() {
        assertThat(MappingProblems.of(Misplaced.class)).containsExactly(
                "Misplaced.ownerId has @JoinColumn but is not a @ManyToOne or @OneToOne; @JoinColumn names a foreign"
                        + " key column: use @Column(name = …) for a plain column",
                "Misplaced.counter has @GeneratedValue or @SequenceGenerator but no @Id; they configure how the"
                        + " primary key is generated: move them to the @Id field (a @SequenceGenerator may also go on"
                        + " the class)",
                "Misplaced.status has @Enumerated but type String, which is not an enum; remove @Enumerated, or change"
                        + " the field's type to the enum",
                "Misplaced.quantity sets @Column(length) on a field of type int; length applies only to String and enum"
                        + " fields: remove it",
                "Misplaced.price sets @Column(precision/scale) on a field of type double; they apply only to BigDecimal and"
                        + " BigInteger fields (numeric): remove them, or use BigDecimal");
    }

    @Entity
    static class Versioned {
        @Id
        @Version
        Long id;
    }

    @Test
    void idThatIsAlsoTheVersionIsReported() {
        assertThat(MappingProblems.of(Versioned.class)).containsExactly(
                "Versioned.id is both @Id and @Version; the version counter needs a column of its own: add a separate"
                        + " `@Version long version` field");
    }
}
