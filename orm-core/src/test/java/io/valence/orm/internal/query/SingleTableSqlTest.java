package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.schema.SchemaRenderer;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Delete;
import io.valence.orm.query.Insert;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.query.Update;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden SQL of a SINGLE_TABLE hierarchy: queries of the root read every row, queries of a subclass filter by discriminator. */
class SingleTableSqlTest {

    @Entity
    static class Customer {
        @Id
        Long id;

        @OneToMany(mappedBy = "customer")
        List<Payment> payments;

        @OneToMany(mappedBy = "customer")
        List<CardPayment> cardPayments;
    }

    @Entity
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
    @DiscriminatorValue("BANK")
    static class BankPayment extends Payment {
        String iban;
    }

    private static final Metamodel MODEL = Metamodel.of(List.of(Customer.class, Payment.class, CardPayment.class,
            BankPayment.class));
    private static final String ALL = "t0.\"id\", t0.\"dtype\", t0.\"amount\", t0.\"customer_id\", t0.\"card_number\","
            + " t0.\"iban\"";
    private static final String CARD = "t0.\"id\", t0.\"dtype\", t0.\"amount\", t0.\"customer_id\", t0.\"card_number\"";

    private final SelectRenderer renderer = new SelectRenderer(MODEL);

    @Test
    void aQueryOfTheRootReadsEveryColumnOfTheTableWithoutAFilterAndConditionsReachSubclassColumns() {
        SqlStatement statement = renderer.render(Select.from(Payment.class).filterBy("iban", "DE00")).statement();

        assertThat(statement.sql()).isEqualTo("SELECT " + ALL + " FROM \"payment\" AS t0 WHERE t0.\"iban\" = $1");
        assertThat(values(statement)).containsExactly("DE00");
    }

    @Test
    void aQueryOfASubclassKeepsToItsDiscriminatorValueBoundBeforeTheCondition() {
        SqlStatement plain = renderer.render(Select.from(CardPayment.class)).statement();
        SqlStatement filtered = renderer.render(Select.from(CardPayment.class)
                .where(Condition.eq("cardNumber", "4111").or(Condition.gt("amount", BigDecimal.ONE)))).statement();

        assertThat(plain.sql()).isEqualTo("SELECT " + CARD + " FROM \"payment\" AS t0 WHERE t0.\"dtype\" IN ($1)");
        assertThat(values(plain)).containsExactly("CARD");
        assertThat(filtered.sql()).isEqualTo("SELECT " + CARD + " FROM \"payment\" AS t0 WHERE t0.\"dtype\" IN ($1)"
                + " AND (t0.\"card_number\" = $2 OR t0.\"amount\" > $3)");
        assertThat(values(filtered)).containsExactly("CARD", "4111", BigDecimal.ONE);
    }

    @Test
    void aReadByIdOfASubclassBindsTheDiscriminatorAfterTheId() {
        SqlStatement byId = renderer.byId(MODEL.entity(BankPayment.class), 5L);
        SqlStatement byBase = renderer.byId(MODEL.entity(Payment.class), 5L);

        assertThat(byId.sql()).isEqualTo("SELECT t0.\"id\", t0.\"dtype\", t0.\"amount\", t0.\"customer_id\", t0.\"iban\""
                + " FROM \"payment\" AS t0 WHERE t0.\"id\" = $1 AND t0.\"dtype\" IN ($2)");
        assertThat(values(byId)).containsExactly(5L, "BANK");
        assertThat(byBase.sql()).isEqualTo("SELECT " + ALL + " FROM \"payment\" AS t0 WHERE t0.\"id\" = $1");
    }

    @Test
    void countsAndSelectInsOfACollectionOfASubclassFilterToo() {
        SqlStatement count = renderer.count(Select.from(BankPayment.class));
        RenderedSelect customers = renderer.render(Select.from(Customer.class)
                .options(Load.selectIn("payments"), Load.selectIn("cardPayments")));

        assertThat(count.sql()).isEqualTo("SELECT count(*) FROM \"payment\" AS t0 WHERE t0.\"dtype\" IN ($1)");
        assertThat(customers.selectIns()).extracting(in -> in.query().statement().sql()).containsExactly(
                "SELECT " + ALL + " FROM \"payment\" AS t0 WHERE t0.\"customer_id\" = ANY($1::bigint[])",
                "SELECT " + CARD + " FROM \"payment\" AS t0 WHERE t0.\"customer_id\" = ANY($1::bigint[])"
                        + " AND t0.\"dtype\" IN ($2)");
    }

    @Test
    void aJoinedCollectionOfASubclassKeepsToItsRowsInTheJoin() {
        SqlStatement statement = renderer.render(Select.from(Customer.class).filterBy("id", 1L)
                .options(Load.joined("cardPayments"))).statement();

        assertThat(statement.sql()).isEqualTo("SELECT t0.\"id\", t1.\"id\", t1.\"dtype\", t1.\"amount\","
                + " t1.\"customer_id\", t1.\"card_number\" FROM \"customer\" AS t0 LEFT OUTER JOIN \"payment\" AS t1"
                + " ON t1.\"customer_id\" = t0.\"id\" AND t1.\"dtype\" IN ($2) WHERE t0.\"id\" = $1");
        assertThat(values(statement)).containsExactly(1L, "CARD");
    }

    @Test
    void theSchemaHasOneTableForTheHierarchyWithTheDiscriminatorAndNullableSubclassColumns() {
        assertThat(SchemaRenderer.create(MODEL)).containsExactly(
                """
                CREATE TABLE "customer" (
                    "id" bigint PRIMARY KEY
                )""",
                """
                CREATE TABLE "payment" (
                    "id" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    "dtype" varchar(31) NOT NULL,
                    "amount" numeric NOT NULL,
                    "customer_id" bigint REFERENCES "customer" ("id"),
                    "card_number" text,
                    "iban" text
                )""",
                "CREATE INDEX \"payment_customer_id_idx\" ON \"payment\" (\"customer_id\")");
    }

    @Test
    void bulkUpdatesAndDeletesOfASubclassKeepToItsRowsAndItsInsertsWriteItsDiscriminator() {
        DmlRenderer dml = new DmlRenderer(MODEL);

        SqlStatement update = dml.render(Update.of(CardPayment.class).set("cardNumber", "x")
                .where(Condition.gt("amount", BigDecimal.ONE))).statement();
        SqlStatement delete = dml.render(Delete.from(BankPayment.class)).statement();
        SqlStatement insert = dml.render(Insert.into(BankPayment.class)
                .values(Map.of("amount", BigDecimal.TEN, "iban", "DE89"))).statement();

        assertThat(update.sql()).startsWith("UPDATE \"payment\" AS t0 SET \"card_number\" = $1 WHERE t0.\"dtype\" IN ($2)"
                + " AND (t0.\"amount\" > $3)");
        assertThat(values(update)).containsExactly("x", "CARD", BigDecimal.ONE);
        assertThat(delete.sql()).startsWith("DELETE FROM \"payment\" AS t0 WHERE t0.\"dtype\" IN ($1) RETURNING");
        assertThat(insert.sql()).contains("\"dtype\")");
        assertThat(values(insert)).contains("BANK");
        assertThatThrownBy(() -> dml.render(Insert.into(Payment.class).values(Map.of("amount", BigDecimal.TEN))))
                .hasMessage("an Insert into Payment cannot say which subclass each row is, as Payment is abstract;"
                        + " insert into one of its subclasses [CardPayment, BankPayment] instead");
    }
}
