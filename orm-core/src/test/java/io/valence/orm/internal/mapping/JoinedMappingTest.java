package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.joined.JoinedModel;
import io.valence.orm.internal.joined.JoinedModel.Asset;
import io.valence.orm.internal.joined.JoinedModel.BankPayment;
import io.valence.orm.internal.joined.JoinedModel.Box;
import io.valence.orm.internal.joined.JoinedModel.CardPayment;
import io.valence.orm.internal.joined.JoinedModel.Payment;
import io.valence.orm.internal.joined.JoinedModel.Seat;
import io.valence.orm.internal.joined.JoinedModel.Truck;
import io.valence.orm.internal.joined.JoinedModel.Vehicle;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PrimaryKeyJoinColumn;
import io.valence.orm.internal.schema.SchemaRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A JOINED hierarchy read as data: a table per class holding the key and the class's own columns, views that read them all. */
class JoinedMappingTest {
    private static final Metamodel MODEL = JoinedModel.METAMODEL;

    private static List<String> names(List<EntityMapping> tables) {
        return tables.stream().map(EntityMapping::table).toList();
    }

    private static List<String> columns(EntityMapping mapping) {
        return mapping.columns().stream().map(ColumnMapping::column).toList();
    }

    @Test
    void aConcreteClassIsWrittenToItsRootsTableAndToItsOwnWhichHoldsTheKeyAndItsOwnColumns() {
        EntityMapping card = MODEL.entity(CardPayment.class);

        assertThat(card.table()).as("the hierarchy's name, keying identities").isEqualTo("payment");
        assertThat(columns(card)).containsExactly("id", "amount", "customer_id", "card_number");
        assertThat(names(card.tables())).containsExactly("payment", "card_payment");
        assertThat(columns(card.tables().get(0))).containsExactly("id", "amount", "customer_id");
        assertThat(columns(card.tables().get(1))).containsExactly("id", "card_number");
        assertThat(card.tables().get(1).column("cardNumber").nullable()).as("its own table: NOT NULL kept").isFalse();
        assertThat(card.tables().get(1).primaryTable()).isSameAs(card.tables().get(0));
        assertThat(card.tables().get(1).idGeneration().isGenerated()).as("the root's INSERT draws the id").isFalse();
        assertThat(card.inheritance().root()).isEqualTo(Payment.class);
    }

    @Test
    void aSubclassTableMayBeNamedAndItsKeyColumnNamedByPrimaryKeyJoinColumn() {
        EntityMapping bank = MODEL.entity(BankPayment.class);

        assertThat(names(bank.tables())).containsExactly("payment", "bank_transfer");
        assertThat(columns(bank.tables().get(1))).containsExactly("payment_id", "iban", "payee_id");
        assertThat(bank.tables().get(1).relationships()).extracting(RelationshipMapping::name).containsExactly("payee");
        assertThat(bank.tables().get(0)).as("one mapping per table, shared by the classes").isSameAs(
                MODEL.entity(CardPayment.class).tables().get(0));
    }

    @Test
    void aClassTwoLevelsDownHasATableAtEachLevel() {
        assertThat(names(MODEL.entity(Truck.class).tables())).containsExactly("asset", "vehicle", "truck");
        assertThat(columns(MODEL.entity(Truck.class).tables().get(0))).containsExactly("id", "name", "version");
        assertThat(MODEL.entity(Truck.class).tables().get(2).version()).isNull();
    }

    @Test
    void anAbstractClassIsAViewOverItsTablesAndThoseBelowWithTheConcreteClassInPlaceOfADiscriminator() {
        EntityMapping payment = MODEL.entity(Payment.class);
        EntityMapping vehicle = MODEL.entity(Vehicle.class);

        assertThat(columns(payment)).containsExactly("id", "valence_class", "amount", "customer_id", "card_number",
                "iban", "payee_id");
        assertThat(names(payment.inheritance().tables())).containsExactly("payment", "card_payment", "bank_transfer");
        assertThat(payment.inheritance().requiredTables()).isEqualTo(1);
        assertThat(payment.inheritance().concreteByValue()).containsEntry(0, MODEL.entity(CardPayment.class))
                .containsEntry(1, MODEL.entity(BankPayment.class));
        assertThat(payment.inheritance().filter()).as("the joins keep to the class's rows").isEmpty();
        assertThat(names(vehicle.inheritance().tables())).containsExactly("asset", "vehicle", "truck");
        assertThat(vehicle.inheritance().requiredTables()).isEqualTo(2);
    }

    @Test
    void theSchemaHasATablePerClass() {
        assertThat(MODEL.tables()).extracting(EntityMapping::table).containsExactlyInAnyOrder("customer", "payment",
                "card_payment", "bank_transfer", "asset", "vehicle", "truck", "building");
    }

    @Entity
    @Inheritance(strategy = InheritanceType.JOINED)
    @DiscriminatorColumn(name = "kind")
    abstract static class Discriminated {
        @Id
        Long id;
    }

    @Entity
    @jakarta.persistence.DiscriminatorValue("LEAF")
    @Inheritance(strategy = InheritanceType.JOINED)
    static class DiscriminatedLeaf extends Discriminated {}

    @Entity
    @PrimaryKeyJoinColumn(name = "other_id")
    static class Alone {
        @Id
        Long id;
    }

    @Test
    void aDiscriminatorColumnAndAPrimaryKeyJoinColumnOutsideAJoinedSubclassAreRejectedWithAFix() {
        assertThat(MappingProblems.of(Discriminated.class, DiscriminatedLeaf.class)).containsExactly("Discriminated has"
                + " @DiscriminatorColumn in a JOINED hierarchy; Valence tells the class of a row by the subclass table"
                + " that holds its key, so it would never read a discriminator: remove it (or map the hierarchy as"
                + " SINGLE_TABLE)",
                "DiscriminatedLeaf has @DiscriminatorValue in a JOINED hierarchy; Valence tells the class of a row by"
                        + " the subclass table that holds its key, so it would never read a discriminator: remove it (or"
                        + " map the hierarchy as SINGLE_TABLE)",
                "DiscriminatedLeaf extends the entity Discriminated and has @Inheritance, which only the hierarchy's"
                        + " root may declare (it holds for the whole hierarchy): move it to Discriminated");
        assertThat(MappingProblems.of(Alone.class)).containsExactly("Alone has @PrimaryKeyJoinColumn, which names the key"
                + " column of a subclass's own table in a JOINED hierarchy, but Alone is no subclass of one: remove it");
        assertThat(MappingProblems.of(Asset.class, Truck.class)).contains("Truck extends the entity Vehicle, which is"
                + " not among this factory's entities; add it with entities(Vehicle.class) or"
                + " scanPackages(\"io.valence.orm.internal.joined\")");
    }

    @Entity
    @PrimaryKeyJoinColumn(name = "hall_ref")
    static class Renamed extends Seat {}

    @Test
    void aCompositeKeyIsInEveryTableUnderItsNamesAndReferencesTheRootsTogether() {
        Metamodel model = Metamodel.of(List.of(Seat.class, Box.class));
        EntityMapping box = model.entity(Box.class);

        assertThat(columns(box.tables().get(1))).containsExactly("hall", "number", "places");
        assertThat(box.tables().get(1).key().isComposite()).isTrue();
        assertThat(SchemaRenderer.create(model)).contains("CREATE TABLE \"box\" (\n    \"hall\" bigint NOT NULL,\n"
                + "    \"number\" integer NOT NULL,\n    \"places\" integer,\n    PRIMARY KEY (\"hall\", \"number\"),\n"
                + "    FOREIGN KEY (\"hall\", \"number\") REFERENCES \"seat\" (\"hall\", \"number\")\n)");
        assertThat(MappingProblems.of(Seat.class, Renamed.class)).containsExactly("Renamed has @PrimaryKeyJoinColumn, but"
                + " its hierarchy has a composite key, whose columns keep their names in every table: remove it");
    }

    @Entity
    static class Wallet {
        @Id
        Long id;

        @OneToMany
        @JoinColumn(name = "wallet_id")
        List<CardPayment> cards;
    }

    @Test
    void aUnidirectionalOneToManyToAJoinedClassIsRejectedWithTheFix() {
        assertThat(MappingProblems.of(JoinedModel.Customer.class, Payment.class, CardPayment.class, Wallet.class))
                .containsExactly("Wallet.cards is a @OneToMany with @JoinColumn, but CardPayment is mapped JOINED, whose"
                        + " rows span several tables; map a @ManyToOne on CardPayment with @OneToMany(mappedBy = …)"
                        + " instead");
    }

    @Test
    void aRowThatNoSubclassTableHoldsIsReportedWithTheTablesLookedIn() {
        InheritanceMapping payments = MODEL.entity(Payment.class).inheritance();

        assertThat(payments.concrete(new Object[] {7L, 1, null, null, null, null, null}))
                .isSameAs(MODEL.entity(BankPayment.class));
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> payments.concrete(new Object[] {7L, null, null, null, null, null, null}))
                .withMessage("A row with id 7 of table \"payment\" has no row in the table of any registered subclass"
                        + " of Payment ([card_payment, bank_transfer]), so its class is unknown; register the entity class"
                        + " whose table holds it with entities(…) or scanPackages(…), or delete the row");
    }

    @Entity
    @jakarta.persistence.Table(name = "gift", indexes = @jakarta.persistence.Index(columnList = "message"))
    static class Gift extends Payment {
        String message;
    }

    @Entity
    @jakarta.persistence.Table(indexes = @jakarta.persistence.Index(columnList = "amount"))
    static class Misplaced extends Payment {}

    @Test
    void anIndexOfASubclassIsOnItsOwnTableAndMayNameOnlyItsColumns() {
        Metamodel model = Metamodel.of(List.of(JoinedModel.Customer.class, Payment.class, Gift.class));

        assertThat(SchemaRenderer.create(model)).contains("CREATE INDEX \"gift_message_idx\" ON \"gift\" (\"message\")");
        assertThat(MappingProblems.of(JoinedModel.Customer.class, Payment.class, Misplaced.class)).containsExactly(
                "Misplaced declares @Index on column \"amount\", which Misplaced does not have; use one of its columns"
                        + " [id]");
    }
}
