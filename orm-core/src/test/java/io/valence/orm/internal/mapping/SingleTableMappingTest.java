package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A SINGLE_TABLE hierarchy read as data: one table, a discriminator, subclass columns nullable, views of abstract classes. */
class SingleTableMappingTest {

    @Entity
    static class Customer {
        @Id
        Long id;

        @OneToMany(mappedBy = "customer")
        List<Payment> payments;
    }

    @Entity
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    abstract static class Payment {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false)
        BigDecimal amount;

        @ManyToOne
        Customer customer;
    }

    @Entity
    @DiscriminatorValue("CARD")
    static class CardPayment extends Payment {
        @Column(nullable = false)
        String cardNumber;
    }

    @Entity
    static class BankPayment extends Payment {
        String iban;
    }

    private static final Metamodel MODEL =
            Metamodel.of(List.of(Customer.class, CardPayment.class, Payment.class, BankPayment.class));

    @Test
    void aConcreteSubclassMapsToTheRootTableWithItsDiscriminatorAfterTheIdAndItsOwnColumnsNullable() {
        EntityMapping card = MODEL.entity(CardPayment.class);

        assertThat(card.table()).isEqualTo("payment");
        assertThat(card.columns())
                .extracting(ColumnMapping::column, c -> c.type().ddlType(), ColumnMapping::nullable)
                .containsExactly(
                        tuple("id", "bigint", false),
                        tuple("dtype", "varchar(31)", false),
                        tuple("amount", "numeric", false),
                        tuple("customer_id", "bigint", true),
                        tuple("card_number", "text", true));
        assertThat(card.columns().get(1).accessor().get(new CardPayment())).isEqualTo("CARD");
        assertThat(MODEL.entity(BankPayment.class).columns().get(1).accessor().get(new BankPayment()))
                .as("JPA's default discriminator value: the entity name")
                .isEqualTo("BankPayment");
        assertThat(card.identityType()).isEqualTo(Payment.class);
        assertThat(card.inheritance().filter()).containsExactly("CARD");
    }

    @Test
    void theAbstractRootIsAViewOverEverySubclassColumnThatNeedsNoDiscriminatorFilter() {
        EntityMapping payment = MODEL.entity(Payment.class);

        assertThat(payment.columns()).extracting(ColumnMapping::column)
                .containsExactly("id", "dtype", "amount", "customer_id", "card_number", "iban");
        assertThat(payment.inheritance().isView()).isTrue();
        assertThat(payment.inheritance().filter()).isEmpty();
        assertThat(payment.relationships()).extracting(RelationshipMapping::name).containsExactly("customer");
    }

    @Test
    void aViewRowBecomesTheRowOfTheConcreteClassItsDiscriminatorNames() {
        InheritanceMapping view = MODEL.entity(Payment.class).inheritance();
        Object[] row = {7L, "CARD", BigDecimal.TEN, 3L, "4111", null};

        EntityMapping concrete = view.concrete(row);

        assertThat(concrete).isSameAs(MODEL.entity(CardPayment.class));
        assertThat(view.project(concrete, row)).containsExactly(7L, "CARD", BigDecimal.TEN, 3L, "4111");
    }

    @Test
    void theSessionHoldsConcreteMappingsAndTheSchemaOneTablePerHierarchy() {
        assertThat(MODEL.entities()).extracting(EntityMapping::name)
                .containsExactly("Customer", "CardPayment", "BankPayment");
        assertThat(MODEL.tables()).extracting(EntityMapping::table).containsExactly("customer", "payment");
        assertThat(MODEL.byTable("payment")).isSameAs(MODEL.entity(Payment.class));
        assertThat(MODEL.concreteOf(Payment.class)).extracting(EntityMapping::name)
                .containsExactly("CardPayment", "BankPayment");
    }

    @Entity
    @DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.INTEGER)
    abstract static class Shape {
        @Id
        Long id;
    }

    @Entity
    @DiscriminatorValue("1")
    static class Circle extends Shape {
        double radius;
    }

    @Test
    void anIntegerDiscriminatorColumnTakesItsNameAndTypeFromTheRoot() {
        EntityMapping circle = Metamodel.of(List.of(Shape.class, Circle.class)).entity(Circle.class);

        assertThat(circle.columns().get(1).column()).isEqualTo("kind");
        assertThat(circle.columns().get(1).type().ddlType()).isEqualTo("integer");
        assertThat(circle.inheritance().filter()).containsExactly(1);
    }

    @Entity
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    abstract static class Joined {
        @Id
        Long id;
    }

    @Entity
    static class JoinedLeaf extends Joined {}

    @Entity
    static class ConcreteBase {
        @Id
        Long id;
    }

    @Entity
    @Table(name = "own")
    static class OwnTable extends ConcreteBase {}

    @Entity
    @DiscriminatorValue("BankPayment")
    static class SameValue extends Payment {}

    @Test
    void otherStrategiesConcreteParentsSubclassTablesAndSharedValuesAreRejectedWithAFix() {
        assertThat(MappingProblems.of(Joined.class, JoinedLeaf.class)).contains("Joined uses @Inheritance(strategy ="
                + " TABLE_PER_CLASS), which Valence does not support: use @Inheritance(strategy = SINGLE_TABLE) (one"
                + " table) or JOINED (a table per class), or copy the inherited fields into each entity");
        assertThat(MappingProblems.of(ConcreteBase.class, OwnTable.class)).containsExactlyInAnyOrder(
                "OwnTable extends the entity ConcreteBase and has @Table, which only the hierarchy's root may declare"
                        + " (its rows share the root's table): move it to ConcreteBase",
                "ConcreteBase is extended by the entity OwnTable but is itself concrete; a query of ConcreteBase could"
                        + " not tell its own rows from its subclasses': declare it abstract, and move its own rows into"
                        + " another subclass");
        assertThat(MappingProblems.of(Payment.class, BankPayment.class, SameValue.class, Customer.class)).containsExactly(
                "BankPayment and SameValue have the same discriminator value 'BankPayment', so their rows could not"
                        + " be told apart; give one of them another @DiscriminatorValue");
        assertThat(MappingProblems.of(CardPayment.class, Customer.class)).contains("CardPayment extends the entity"
                + " Payment, which is not among this factory's entities; add it with entities(Payment.class) or"
                + " scanPackages(\"io.valence.orm.internal.mapping\")");
    }
}
