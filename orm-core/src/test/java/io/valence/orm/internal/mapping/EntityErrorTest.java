package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.valence.orm.MappingException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per problem of an entity class as a whole, each asserting the full message. */
class EntityErrorTest {

    @Entity
    static class Nameless {
        String value;
    }

    @Test
    void entityWithoutIdIsReportedWithHowToDeclareOne() {
        assertThat(MappingProblems.of(Nameless.class)).containsExactly(
                "Nameless has no @Id field; annotate its primary key field with @Id (and"
                        + " @GeneratedValue(strategy = IDENTITY) for a database-generated key)");
    }

    static class Plain {
        Long id;
    }

    @Test
    void registeredClassWithoutEntityAnnotationIsReported() {
        assertThat(MappingProblems.of(Plain.class)).containsExactly(
                "io.valence.orm.internal.mapping.EntityErrorTest$Plain is not annotated with"
                        + " @jakarta.persistence.Entity; annotate it, or remove it from entities(…)");
    }

    @Entity
    static class Immutable {
        @Id
        Long id;

        Immutable(Long id) {
            this.id = id;
        }
    }

    @Test
    void entityWithoutNoArgConstructorIsReportedWithTheConstructorToAdd() {
        assertThat(MappingProblems.of(Immutable.class)).containsExactly(
                "Immutable has no no-arg constructor, so Valence cannot create instances when it loads rows; add one"
                        + " (any visibility, e.g. `protected Immutable() {}`)");
    }

    @Entity
    @Table(name = "shared")
    static class First {
        @Id
        Long id;
    }

    @Entity
    @Table(name = "shared")
    static class Second {
        @Id
        Long id;
    }

    @Test
    void twoEntitiesOnOneTableAreReportedWithHowToRenameOne() {
        assertThat(MappingProblems.of(First.class, Second.class)).containsExactly(
                "First and Second are both mapped to table \"shared\"; give one of them another name with"
                        + " @Table(name = …)");
    }

    @Entity
    static class Thing {
        @Id
        Long id;

        Map<String, String> attributes;
    }

    @Test
    void fieldOfUnsupportedTypeIsReportedWithTheSupportedTypes() {
        assertThat(MappingProblems.of(Thing.class)).containsExactly(
                "Thing.attributes has type java.util.Map, which Valence cannot map to a column; use one of long, int,"
                        + " short, boolean, double, float (and their boxes), BigDecimal, BigInteger, String, UUID,"
                        + " LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, Duration, byte[], enums,"
                        + " embeddables, arrays and Lists of String, Long, Integer and UUID, and types with an"
                        + " AttributeConverter, store it as JSON with @Column(columnDefinition = \"jsonb\"), or mark"
                        + " the field @Transient");
    }

    @Entity
    record Point(Long id, int x) {}

    @Test
    void recordEntityIsReportedBecauseItsFieldsCannotBeSet() {
        assertThat(MappingProblems.of(Point.class)).containsExactly(
                "Point is a record, whose fields cannot change after construction, but Valence sets ids and loaded"
                        + " values on entities: make it a class with non-final fields and a no-arg constructor");
    }

    @Entity
    class Inner {
        @Id
        Long id;
    }

    @Test
    void innerClassEntityIsReportedWithHowToMakeItStatic() {
        assertThat(MappingProblems.of(Inner.class)).containsExactly(
                "Inner is an inner class of EntityErrorTest, so it has no no-arg constructor Valence can call; declare"
                        + " it static, or as a top-level class");
    }

    @Entity
    abstract static class Shape {
        @Id
        Long id;
    }

    @Test
    void abstractEntityIsReported() {
        assertThat(MappingProblems.of(Shape.class)).containsExactly(
                "Shape is abstract, so Valence cannot create instances when it loads rows, and no registered entity"
                        + " extends it; make it concrete, or register its @Entity subclasses with entities(…)");
    }

    static class Base {
        Long createdBy;
    }

    @Entity
    static class Derived extends Base {
        @Id
        Long id;
    }

    @Test
    void entityExtendingAnotherClassIsReportedWithHowToFlattenIt() {
        assertThat(MappingProblems.of(Derived.class)).containsExactly(
                "Derived extends Base, which is neither an @Entity nor a @MappedSuperclass; annotate Base with"
                        + " @MappedSuperclass (its fields become Derived's) or @Entity (a SINGLE_TABLE hierarchy), or"
                        + " extend Object");
    }

    @Entity
    static class TwoKeys {
        @Id
        Long id;

        @Id
        Long tenant;
    }

    @Test
    void severalIdFieldsWithoutAnIdClassAreReportedWithTheKeyClassToDeclare() {
        assertThat(MappingProblems.of(TwoKeys.class)).containsExactly(
                "TwoKeys has several @Id fields ([id, tenant]) but no @IdClass; name the key class with"
                        + " @IdClass(TwoKeysKey.class), a class with fields of the same names and types and"
                        + " equals/hashCode, or use an @EmbeddedId");
    }

    @Entity
    static class Frozen {
        @Id
        Long id;

        final String code = "x";
    }

    @Test
    void finalFieldIsReportedBecauseLoadingCannotSetIt() {
        assertThat(MappingProblems.of(Frozen.class)).containsExactly(
                "Frozen.code is final, so Valence cannot set it when loading rows; make it non-final, or mark it"
                        + " @Transient");
    }

    @Entity
    static class Owner {
        @Id
        Long id;
    }

    @Entity
    static class Pet {
        @Id
        Long id;

        @Column(name = "owner_id")
        Long ownerId;

        @ManyToOne
        Owner owner;
    }

    @Test
    void twoFieldsOnOneColumnAreReportedWithHowToRenameOne() {
        assertThat(MappingProblems.of(Owner.class, Pet.class)).containsExactly(
                "Pet.ownerId and Pet.owner both map to column \"owner_id\" of table \"pet\"; give one of them another"
                        + " name with @Column(name = …) (or @JoinColumn(name = …) for a relationship), or mark the"
                        + " duplicate @Transient");
    }

    @Entity
    @Table(name = "a_table_name_that_is_longer_than_the_sixty_three_bytes_postgresql_keeps")
    static class LongName {
        @Id
        Long id;
    }

    @Test
    void nameLongerThanPostgresKeepsIsReported() {
        assertThat(MappingProblems.of(LongName.class)).containsExactly(
                "LongName maps to table \"a_table_name_that_is_longer_than_the_sixty_three_bytes_postgresql_keeps\","
                        + " which is 71 bytes long; PostgreSQL cuts names to 63 bytes, so statements using the full"
                        + " name would fail: give it a shorter name with @Table(name = …)");
    }

    @Entity
    static class Broken {
        @Id
        Long id;

        @Column(columnDefinition = "xml")
        String body;

        @ManyToOne
        Nameless owner;

        Map<String, String> attributes;
    }

    @Test
    void modelWithThreeProblemsReportsAllThreeAtOnce() {
        MappingException exception = assertThatExceptionOfType(MappingException.class)
                .isThrownBy(() -> Metamodel.of(List.of(Broken.class)))
                .actual();

        assertThat(exception.problems()).hasSize(3);
        assertThat(exception.problems().get(0)).startsWith("Broken.body uses @Column(columnDefinition = \"xml\")");
        assertThat(exception.problems().get(1)).startsWith("Broken.attributes has type java.util.Map");
        assertThat(exception.problems().get(2)).startsWith("Broken.owner refers to Nameless, which is not among");
        assertThat(exception.getMessage())
                .startsWith("The entity model has 3 problems:\n  1. Broken.body")
                .contains("\n  2. Broken.attributes", "\n  3. Broken.owner");
    }
}
