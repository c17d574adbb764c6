package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.valence.orm.internal.unitofwork.UnitOfWork;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Embedded values: a column per field, nested values too, renamed by {@code @AttributeOverride}. */
class EmbeddedMappingTest {

    @Embeddable
    static class Geo {
        BigDecimal lat;
        BigDecimal lon;
    }

    @Embeddable
    static class Address {
        @Column(length = 80)
        String street;

        @Column(nullable = false)
        String city;

        @Embedded
        Geo geo;
    }

    @Entity
    static class Customer {
        @Id
        Long id;

        Address home;

        @Embedded
        @AttributeOverride(name = "street", column = @Column(name = "work_street", length = 80))
        @AttributeOverride(name = "city", column = @Column(name = "work_city"))
        @AttributeOverride(name = "geo.lat", column = @Column(name = "work_lat"))
        @AttributeOverride(name = "geo.lon", column = @Column(name = "work_lon"))
        Address work;
    }

    private static final EntityMapping CUSTOMER = Metamodel.of(List.of(Customer.class)).entity(Customer.class);

    @Test
    void embeddedFieldsAreColumnsNamedAfterTheEmbeddablesFieldsWithPathsAsPropertyNames() {
        assertThat(CUSTOMER.columns())
                .extracting(ColumnMapping::property, ColumnMapping::column, c -> c.type().ddlType(), ColumnMapping::nullable)
                .containsExactly(
                        tuple("id", "id", "bigint", false),
                        tuple("home.street", "street", "varchar(80)", true),
                        tuple("home.city", "city", "text", false),
                        tuple("home.geo.lat", "lat", "numeric", true),
                        tuple("home.geo.lon", "lon", "numeric", true),
                        tuple("work.street", "work_street", "varchar(80)", true),
                        tuple("work.city", "work_city", "text", true),
                        tuple("work.geo.lat", "work_lat", "numeric", true),
                        tuple("work.geo.lon", "work_lon", "numeric", true));
    }

    @Test
    void aNullEmbeddedValueReadsAsNullAndIsCreatedWhenAValueIsWrittenIntoIt() {
        Customer customer = new Customer();
        FieldAccessor lat = CUSTOMER.column("home.geo.lat").accessor();

        assertThat(lat.get(customer)).isNull();
        lat.set(customer, null);
        assertThat(customer.home).as("writing NULL into a null embedded value keeps it null").isNull();

        lat.set(customer, BigDecimal.ONE);
        assertThat(customer.home.geo.lat).isEqualTo(BigDecimal.ONE);
        assertThat(customer.home.city).isNull();
    }

    @Test
    void aRowWhoseEmbeddedColumnsAreAllNullLoadsAsANullEmbeddedValueAlsoOnRefresh() {
        UnitOfWork unitOfWork = new UnitOfWork(Metamodel.of(List.of(Customer.class)));
        EntityMapping mapping = unitOfWork.metamodel().entity(Customer.class);
        Object[] full = {1L, "Main St", "Lyon", BigDecimal.ONE, null, null, null, null, null};
        Customer customer = (Customer) unitOfWork.load(mapping, full, false);
        assertThat(customer.home.geo.lat).isEqualTo(BigDecimal.ONE);
        assertThat(customer.work).isNull();

        Object[] emptied = {1L, "Main St", "Lyon", null, null, null, null, null, null};
        unitOfWork.load(mapping, emptied, true);

        assertThat(customer.home.city).isEqualTo("Lyon");
        assertThat(customer.home.geo).as("all of geo's columns are NULL").isNull();
    }

    @Entity
    static class BadOverride {
        @Id
        Long id;

        @Embedded
        @AttributeOverride(name = "town", column = @Column(name = "x"))
        Address address;
    }

    @Test
    void anOverrideOfAFieldTheEmbeddableDoesNotHaveIsReported() {
        assertThat(MappingProblems.of(BadOverride.class)).containsExactly(
                "BadOverride.address has @AttributeOverride(name = \"town\"), but Address has no such basic field; name"
                        + " one of [street, city, geo.lat, geo.lon]");
    }

    record Money(BigDecimal amount, String currency) {}

    @Entity
    static class RecordEmbedded {
        @Id
        Long id;

        @Embedded
        Money price;
    }

    @Test
    void aRecordCannotBeEmbeddedAndTheMessageSaysWhatToDo() {
        assertThat(MappingProblems.of(RecordEmbedded.class)).containsExactly(
                "RecordEmbedded.price is embedded, but Money is not a concrete (static) class whose fields Valence can"
                        + " set one by one; make it a class with non-final fields and a no-arg constructor, or map it"
                        + " through an AttributeConverter with @Convert");
    }

    @Entity
    static class TwoHomes {
        @Id
        Long id;

        Address first;
        Address second;
    }

    @Test
    void twoEmbeddedValuesOfOneTypeWithoutOverridesCollideOnTheirColumnNames() {
        assertThat(MappingProblems.of(TwoHomes.class)).first().asString()
                .startsWith("TwoHomes.first.street and TwoHomes.second.street both map to column \"street\"")
                .isNotNull();
    }
}
