package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Fields of {@code @MappedSuperclass} ancestors, at any depth, are the entity's own columns. */
class MappedSuperclassTest {

    @MappedSuperclass
    abstract static class Audited {
        Instant createdAt;
        Instant updatedAt;
    }

    @MappedSuperclass
    abstract static class BaseEntity extends Audited {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        UUID id;

        @Version
        long version;
    }

    @Entity
    static class Customer extends BaseEntity {
        @Column(nullable = false)
        String name;
    }

    @Test
    void fieldsOfMappedSuperclassesAtAnyDepthAreColumnsTopDownWithTheIdFirst() {
        EntityMapping customer = Metamodel.of(List.of(Customer.class)).entity(Customer.class);

        assertThat(customer.columns())
                .extracting(ColumnMapping::property, ColumnMapping::column, c -> c.type().ddlType(), ColumnMapping::role)
                .containsExactly(
                        tuple("id", "id", "uuid", ColumnMapping.Role.ID),
                        tuple("createdAt", "created_at", "timestamptz", ColumnMapping.Role.BASIC),
                        tuple("updatedAt", "updated_at", "timestamptz", ColumnMapping.Role.BASIC),
                        tuple("version", "version", "bigint", ColumnMapping.Role.VERSION),
                        tuple("name", "name", "text", ColumnMapping.Role.BASIC));
        assertThat(customer.idGeneration().strategy()).isEqualTo(IdGeneration.Strategy.UUID);
        assertThat(customer.version().property()).isEqualTo("version");
    }

    @Test
    void columnsOfAMappedSuperclassReadAndWriteTheSubclassInstance() {
        EntityMapping customer = Metamodel.of(List.of(Customer.class)).entity(Customer.class);
        Customer entity = new Customer();
        Instant now = Instant.parse("2026-01-02T03:04:05Z");

        customer.column("createdAt").accessor().set(entity, now);

        assertThat(entity.createdAt).isEqualTo(now);
        assertThat(customer.column("createdAt").accessor().get(entity)).isEqualTo(now);
    }

    @Entity
    @AttributeOverride(name = "createdAt", column = @Column(name = "inserted_at", nullable = false))
    static class Order extends BaseEntity {
        long total;
    }

    @Test
    void anAttributeOverrideOnTheEntityRenamesAColumnOfItsMappedSuperclass() {
        EntityMapping order = Metamodel.of(List.of(Order.class)).entity(Order.class);

        assertThat(order.column("createdAt").column()).isEqualTo("inserted_at");
        assertThat(order.column("createdAt").nullable()).isFalse();
    }

    @MappedSuperclass
    @Table(name = "base")
    abstract static class TableOnBase {
        @Id
        Long id;
    }

    @Entity
    static class Tabled extends TableOnBase {}

    @Test
    void aTableOnAMappedSuperclassIsReported() {
        assertThat(MappingProblems.of(Tabled.class)).containsExactly(
                "TableOnBase (the @MappedSuperclass of Tabled) is annotated with @Table, which Valence does not support"
                        + " there; it supports @MappedSuperclass and @EntityListeners: remove it");
    }

    static class Unmapped {
        Long createdBy;
    }

    @MappedSuperclass
    abstract static class MappedOnUnmapped extends Unmapped {
        @Id
        Long id;
    }

    @Entity
    static class Deep extends MappedOnUnmapped {}

    @Test
    void aPlainClassAboveTheMappedSuperclassesIsStillReported() {
        assertThat(MappingProblems.of(Deep.class)).containsExactly(
                "Deep extends Unmapped, which is neither an @Entity nor a @MappedSuperclass; annotate Unmapped with"
                        + " @MappedSuperclass (its fields become Deep's) or @Entity (a SINGLE_TABLE hierarchy), or"
                        + " extend Object");
    }

    @Entity
    static class WrongUuid {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        String id;
    }

    @Test
    void aUuidStrategyOnANonUuidFieldIsReported() {
        assertThat(MappingProblems.of(WrongUuid.class)).containsExactly(
                "WrongUuid.id uses @GeneratedValue(strategy = UUID) but has type String; declare it as java.util.UUID");
    }
}
