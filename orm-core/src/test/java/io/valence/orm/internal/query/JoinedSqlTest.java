package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.internal.joined.JoinedModel;
import io.valence.orm.internal.joined.JoinedModel.BankPayment;
import io.valence.orm.internal.joined.JoinedModel.Box;
import io.valence.orm.internal.joined.JoinedModel.CardPayment;
import io.valence.orm.internal.joined.JoinedModel.Customer;
import io.valence.orm.internal.joined.JoinedModel.Payment;
import io.valence.orm.internal.joined.JoinedModel.Seat;
import io.valence.orm.internal.joined.JoinedModel.Vehicle;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.schema.SchemaRenderer;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Delete;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.query.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SQL of a JOINED hierarchy: a class's rows are a derived table joining its tables by key (the
 * root's INNER JOINed to its own, its subclasses' LEFT JOINed), in one statement; the schema has a
 * table per class whose key references the root's.
 */
class JoinedSqlTest {
    private static final Metamodel MODEL = JoinedModel.METAMODEL;
    private static final String PAYMENTS = "(SELECT j0.\"id\", CASE WHEN j1.\"id\" IS NOT NULL THEN 0"
            + " WHEN j2.\"payment_id\" IS NOT NULL THEN 1 END AS \"valence_class\", j0.\"amount\", j0.\"customer_id\","
            + " j1.\"card_number\", j2.\"iban\", j2.\"payee_id\" FROM \"payment\" AS j0"
            + " LEFT OUTER JOIN \"card_payment\" AS j1 ON j1.\"id\" = j0.\"id\""
            + " LEFT OUTER JOIN \"bank_transfer\" AS j2 ON j2.\"payment_id\" = j0.\"id\")";
    private static final String ALL = "t0.\"id\", t0.\"valence_class\", t0.\"amount\", t0.\"customer_id\","
            + " t0.\"card_number\", t0.\"iban\", t0.\"payee_id\"";
    private static final String CARDS = "(SELECT j0.\"id\", j0.\"amount\", j0.\"customer_id\", j1.\"card_number\""
            + " FROM \"payment\" AS j0 INNER JOIN \"card_payment\" AS j1 ON j1.\"id\" = j0.\"id\")";

    private final SelectRenderer renderer = new SelectRenderer(MODEL);

    @Test
    void aQueryOfTheBaseIsOneStatementLeftJoiningEverySubclassTableAndConditionsReachTheirColumns() {
        SqlStatement statement = renderer.render(Select.from(Payment.class).filterBy("iban", "DE00").orderBy("amount"))
                .statement();

        assertThat(statement.sql()).isEqualTo("SELECT " + ALL + " FROM " + PAYMENTS + " AS t0 WHERE t0.\"iban\" = $1"
                + " ORDER BY t0.\"amount\" ASC");
        assertThat(values(statement)).containsExactly("DE00");
    }

    @Test
    void aQueryOfASubclassInnerJoinsItsTableAndNeedsNoFilter() {
        SqlStatement statement = renderer.render(Select.from(CardPayment.class)
                .where(Condition.eq("cardNumber", "4111"))).statement();

        assertThat(statement.sql()).isEqualTo("SELECT t0.\"id\", t0.\"amount\", t0.\"customer_id\", t0.\"card_number\""
                + " FROM " + CARDS + " AS t0 WHERE t0.\"card_number\" = $1");
    }

    @Test
    void anAbstractClassInTheMiddleInnerJoinsTheTablesAboveAndLeftJoinsThoseBelow() {
        SqlStatement statement = renderer.render(Select.from(Vehicle.class)).statement();

        assertThat(statement.sql()).contains(" FROM \"asset\" AS j0 INNER JOIN \"vehicle\" AS j1 ON j1.\"id\" = j0.\"id\""
                + " LEFT OUTER JOIN \"truck\" AS j2 ON j2.\"id\" = j0.\"id\")");
        assertThat(statement.sql()).contains("CASE WHEN j2.\"id\" IS NOT NULL THEN 0 END AS \"valence_class\"");
    }

    @Test
    void aReadByIdAndASelectInOfACollectionOfTheBaseReadTheDerivedTable() {
        SqlStatement byId = renderer.byId(MODEL.entity(BankPayment.class), 5L);
        RenderedSelect customers = renderer.render(Select.from(Customer.class).options(Load.selectIn("payments")));

        assertThat(byId.sql()).isEqualTo("SELECT t0.\"id\", t0.\"amount\", t0.\"customer_id\", t0.\"iban\","
                + " t0.\"payee_id\" FROM (SELECT j0.\"id\", j0.\"amount\", j0.\"customer_id\", j1.\"iban\", j1.\"payee_id\""
                + " FROM \"payment\" AS j0 INNER JOIN \"bank_transfer\" AS j1 ON j1.\"payment_id\" = j0.\"id\") AS t0"
                + " WHERE t0.\"id\" = $1");
        assertThat(customers.selectIns()).extracting(in -> in.query().statement().sql()).containsExactly(
                "SELECT " + ALL + " FROM " + PAYMENTS + " AS t0 WHERE t0.\"customer_id\" = ANY($1::bigint[])");
    }

    @Test
    void aJoinedLoadOfACollectionOfTheBaseJoinsTheDerivedTable() {
        SqlStatement statement = renderer.render(Select.from(Customer.class).options(Load.joined("payments")))
                .statement();

        assertThat(statement.sql()).startsWith("SELECT t0.\"id\", t1.\"id\", t1.\"valence_class\"")
                .endsWith(" FROM \"customer\" AS t0 LEFT OUTER JOIN " + PAYMENTS + " AS t1 ON t1.\"customer_id\" = t0.\"id\"");
    }

    @Test
    void bulkDmlAndALockOfTheBaseAreRejectedWithTheFix() {
        DmlRenderer dml = new DmlRenderer(MODEL);

        assertThatThrownBy(() -> dml.render(Update.of(CardPayment.class).set("cardNumber", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a bulk Update of CardPayment is not supported, as its hierarchy is mapped JOINED and its rows"
                        + " span several tables ([payment, card_payment]); load the objects and change them in a session"
                        + " (the flush writes each table), or send SQL per table with NativeQuery");
        assertThatThrownBy(() -> dml.render(Delete.from(Payment.class))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> renderer.render(Select.from(Payment.class).forUpdate()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a query of Payment cannot lock its rows: its JOINED hierarchy's subclass tables are"
                        + " outer-joined, and PostgreSQL locks no outer-joined row; lock a query of a concrete subclass"
                        + " ([CardPayment, BankPayment]) instead");
        assertThat(renderer.render(Select.from(CardPayment.class).forUpdate()).statement().sql())
                .endsWith(" AS t0 FOR UPDATE OF t0");
    }

    @Test
    void theSchemaHasATablePerClassWhoseKeyReferencesTheRootsTable() {
        List<String> ddl = SchemaRenderer.create(MODEL);

        assertThat(ddl).contains("CREATE TABLE \"card_payment\" (\n    \"id\" bigint PRIMARY KEY REFERENCES \"payment\""
                + " (\"id\"),\n    \"card_number\" text NOT NULL\n)");
        assertThat(ddl).contains("CREATE TABLE \"bank_transfer\" (\n    \"payment_id\" bigint PRIMARY KEY REFERENCES"
                + " \"payment\" (\"id\"),\n    \"iban\" text,\n    \"payee_id\" bigint REFERENCES \"customer\" (\"id\")\n)");
        assertThat(ddl.indexOf(ddl.stream().filter(s -> s.startsWith("CREATE TABLE \"payment\"")).findFirst().orElseThrow()))
                .isLessThan(ddl.indexOf(ddl.stream().filter(s -> s.startsWith("CREATE TABLE \"card_payment\""))
                        .findFirst().orElseThrow()));
    }

    @Test
    void theTablesOfACompositeKeyHierarchyAreJoinedOnEveryKeyPart() {
        SqlStatement statement = new SelectRenderer(Metamodel.of(List.of(Seat.class, Box.class)))
                .render(Select.from(Box.class)).statement();

        assertThat(statement.sql()).isEqualTo("SELECT t0.\"hall\", t0.\"number\", t0.\"label\", t0.\"places\" FROM (SELECT"
                + " j0.\"hall\", j0.\"number\", j0.\"label\", j1.\"places\" FROM \"seat\" AS j0 INNER JOIN \"box\" AS j1"
                + " ON j1.\"hall\" = j0.\"hall\" AND j1.\"number\" = j0.\"number\") AS t0");
    }

    @jakarta.persistence.Entity
    static class Batch {
        @jakarta.persistence.Id
        Long id;

        @jakarta.persistence.ManyToMany
        java.util.Set<Payment> payments;
    }

    @Test
    void aManyToManyToTheBaseLinksTheRootsTableAndLoadsThroughTheDerivedTable() {
        Metamodel model = Metamodel.of(List.of(Customer.class, Payment.class, CardPayment.class, BankPayment.class,
                Batch.class));

        RenderedSelect batches = new SelectRenderer(model).render(Select.from(Batch.class).options(Load.selectIn("payments")));

        assertThat(SchemaRenderer.create(model)).anySatisfy(ddl -> assertThat(ddl).startsWith("CREATE TABLE \"batch_payment\"")
                .contains("\"payments_id\" bigint NOT NULL REFERENCES \"payment\" (\"id\")"));
        assertThat(batches.selectIns()).singleElement().satisfies(in -> assertThat(in.query().statement().sql())
                .startsWith("SELECT " + ALL + ", t1.\"batch_id\" FROM " + PAYMENTS + " AS t0 INNER JOIN \"batch_payment\""
                        + " AS t1 ON t1.\"payments_id\" = t0.\"id\""));
    }
}
