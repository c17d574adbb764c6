package io.valence.orm.it.inheritance;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.query.Condition;
import io.valence.orm.query.Load;
import io.valence.orm.query.NativeQuery;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A SINGLE_TABLE hierarchy on PostgreSQL: one table with a discriminator, polymorphic queries in one
 * statement, subclass queries filtered by discriminator, one identity per row whichever class looks
 * it up, and relationships to the base type loading the concrete classes.
 */
@ValenceTest(entities = {Account.class, Payment.class, CardPayment.class, BankPayment.class, VoucherPayment.class,
        Refund.class, Parcel.class, Letter.class, Crate.class})
class InheritanceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An account named after a fresh prefix with a card, a bank and a voucher payment, committed. */
    private static Account accountWithThreeKinds(SessionFactory factory) {
        Account account = new Account(UUID.randomUUID().toString());
        factory.inTransaction(session -> {
            session.add(account);
            session.add(new CardPayment(account, "10.00", "4111"));
            session.add(new BankPayment(account, "20.00", "DE89"));
            session.add(new VoucherPayment(account, "30.00", "V-1"));
            return Mono.empty();
        }).block(TIMEOUT);
        return account;
    }

    private static Select<Payment> paymentsOf(Account account) {
        return Select.from(Payment.class).where(Condition.eq("account.id", account.id)).orderBy("amount");
    }

    @Test
    void theHierarchyIsOneTableWithTheDiscriminatorAndTheCreatedSchemaValidates(SessionFactory factory) {
        assertThat(factory.schema().ddl()).anySatisfy(ddl -> assertThat(ddl).startsWith("CREATE TABLE \"payment\"")
                .contains("\"kind\" varchar(20) NOT NULL", "\"card_number\" text,", "\"iban\" text",
                        "\"payee_id\" bigint", "\"code\" text"));
        factory.schema().validate().block(TIMEOUT);
    }

    @Test
    void aPolymorphicQueryOverThreeSubclassesIsOneStatementReturningTheConcreteClasses(
            SessionFactory factory, StatementRecorder recorder) {
        Account account = accountWithThreeKinds(factory);
        recorder.reset();

        List<Payment> payments = factory.withSession(session -> session.scalars(paymentsOf(account)).collectList())
                .block(TIMEOUT);

        recorder.assertThat().hasStatementCount(1);
        assertThat(payments).extracting(payment -> payment.getClass().getSimpleName())
                .containsExactly("CardPayment", "BankPayment", "VoucherPayment");
        assertThat(((CardPayment) payments.get(0)).cardNumber).isEqualTo("4111");
        assertThat(((BankPayment) payments.get(1)).iban).isEqualTo("DE89");
        assertThat(((VoucherPayment) payments.get(2)).code).isEqualTo("V-1");
    }

    @Test
    void theFlushWritesTheDiscriminatorWithOneInsertPerConcreteClassWhatever30MixedObjectsNeed(
            SessionFactory factory, StatementRecorder recorder) {
        Account account = new Account(UUID.randomUUID().toString());
        factory.inTransaction(session -> {
            session.add(account);
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.reset();

        factory.inTransaction(session -> {
            for (int i = 0; i < 10; i++) {
                session.add(new CardPayment(account, i + ".00", "card-" + i));
                session.add(new BankPayment(account, i + ".01", "iban-" + i));
                session.add(new VoucherPayment(account, i + ".02", "code-" + i));
            }
            return Mono.empty();
        }).block(TIMEOUT);

        recorder.assertThat().inserts().hasStatementCount(3);
        assertThat(recorder.statements()).filteredOn(s -> s.sql().startsWith("INSERT"))
                .allSatisfy(insert -> assertThat(insert.sql()).startsWith("INSERT INTO \"payment\""));
        List<String> kinds = factory.withSession(session -> session.scalars(paymentsOf(account)).collectList())
                .block(TIMEOUT).stream().map(payment -> payment.getClass().getSimpleName()).distinct().toList();
        assertThat(kinds).containsExactlyInAnyOrder("CardPayment", "BankPayment", "VoucherPayment");
    }

    @Test
    void aQueryOfASubclassReturnsOnlyItsRowsAndConditionsReachSubclassColumnsFromTheBase(SessionFactory factory) {
        Account account = accountWithThreeKinds(factory);

        List<CardPayment> cards = factory.withSession(session -> session.scalars(Select.from(CardPayment.class)
                .where(Condition.eq("account.id", account.id))).collectList()).block(TIMEOUT);
        List<Payment> byIban = factory.withSession(session -> session.scalars(paymentsOf(account)
                .where(Condition.eq("iban", "DE89"))).collectList()).block(TIMEOUT);
        long vouchers = factory.withSession(session -> session.count(Select.from(VoucherPayment.class)
                .where(Condition.eq("account.id", account.id)))).block(TIMEOUT);

        assertThat(cards).singleElement().satisfies(card -> assertThat(card.cardNumber).isEqualTo("4111"));
        assertThat(byIban).singleElement().isInstanceOf(BankPayment.class);
        assertThat(vouchers).isEqualTo(1);
    }

    @Test
    void getByTheBaseAndByTheSubclassReturnsTheSameObjectAndTheSecondGetRunsNoStatement(
            SessionFactory factory, StatementRecorder recorder) {
        Account account = accountWithThreeKinds(factory);
        Long cardId = factory.withSession(session -> session.scalars(Select.from(CardPayment.class)
                .where(Condition.eq("account.id", account.id))).next().map(card -> card.id)).block(TIMEOUT);
        recorder.reset();

        List<Object> found = factory.withSession(session -> session.get(Payment.class, cardId)
                .flatMap(base -> {
                    int afterFirst = recorder.statements().size();
                    return session.get(CardPayment.class, cardId).map(card -> {
                        List<Object> both = new ArrayList<>(List.of(base, card));
                        both.add(recorder.statements().size() - afterFirst);
                        return both;
                    });
                })).block(TIMEOUT);

        assertThat(found.get(0)).isInstanceOf(CardPayment.class).isSameAs(found.get(1));
        assertThat(found.get(2)).as("statements of the second get").isEqualTo(0);
        assertThat(factory.withSession(session -> session.get(BankPayment.class, cardId)).blockOptional(TIMEOUT))
                .as("a get by another subclass finds no row")
                .isEmpty();
    }

    @Test
    void aManyToOneToTheBaseTypeLoadsTheConcreteClassBySelectInJoinAndFetch(SessionFactory factory,
            StatementRecorder recorder) {
        Account account = accountWithThreeKinds(factory);
        factory.inTransaction(session -> session.scalars(paymentsOf(account)).collectList().doOnNext(payments ->
                payments.forEach(payment -> session.add(new Refund(payment, account.name))))).block(TIMEOUT);
        Select<Refund> refunds = Select.from(Refund.class).where(Condition.eq("reason", account.name)).orderBy("id");
        recorder.reset();

        List<Refund> bySelectIn = factory.withSession(session -> session.scalars(refunds.options(
                Load.selectIn("payment"))).collectList()).block(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        List<Refund> byJoin = factory.withSession(session -> session.scalars(refunds.options(
                Load.joined("payment"))).collectList()).block(TIMEOUT);
        Refund fetched = factory.withSession(session -> session.scalars(refunds).next()
                .flatMap(refund -> session.fetch(refund, "payment").thenReturn(refund))).block(TIMEOUT);

        assertThat(bySelectIn).extracting(refund -> refund.payment.getClass().getSimpleName())
                .containsExactly("CardPayment", "BankPayment", "VoucherPayment");
        assertThat(byJoin).extracting(refund -> refund.payment.getClass().getSimpleName())
                .containsExactly("CardPayment", "BankPayment", "VoucherPayment");
        assertThat(fetched.payment).isInstanceOf(CardPayment.class);
        assertThat(((CardPayment) fetched.payment).cardNumber).isEqualTo("4111");
    }

    @Test
    void aBaseQueryLoadsARelationshipThatOnlyOneSubclassDeclaresBySelectInAndJoin(SessionFactory factory,
            StatementRecorder recorder) {
        Account account = accountWithThreeKinds(factory);
        factory.inTransaction(session -> session.scalars(Select.from(BankPayment.class)
                .where(Condition.eq("account.id", account.id))).next().doOnNext(bank -> bank.payee = account))
                .block(TIMEOUT);
        recorder.reset();

        List<Payment> bySelectIn = factory.withSession(session -> session.scalars(paymentsOf(account)
                .options(Load.selectIn("payee"))).collectList()).block(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        List<Payment> byJoin = factory.withSession(session -> session.scalars(paymentsOf(account)
                .options(Load.joined("payee"))).collectList()).block(TIMEOUT);

        for (List<Payment> payments : List.of(bySelectIn, byJoin)) {
            assertThat(payments).hasSize(3);
            assertThat(((BankPayment) payments.get(1)).payee.name).isEqualTo(account.name);
        }
    }

    @Test
    void aOneToManyToTheBaseTypeHoldsEveryKindInOneSelectIn(SessionFactory factory, StatementRecorder recorder) {
        Account account = accountWithThreeKinds(factory);
        recorder.reset();

        Account loaded = factory.withSession(session -> session.scalars(Select.from(Account.class)
                .filterBy("id", account.id).options(Load.selectIn("payments"))).next()).block(TIMEOUT);

        recorder.assertThat().hasStatementCount(2);
        assertThat(loaded.payments).extracting(payment -> payment.getClass().getSimpleName())
                .containsExactlyInAnyOrder("CardPayment", "BankPayment", "VoucherPayment");
    }

    @Test
    void aChangedSubclassFieldUpdatesOnlyItsColumnAndADeleteRemovesTheRow(SessionFactory factory,
            StatementRecorder recorder) {
        Account account = accountWithThreeKinds(factory);
        recorder.reset();

        factory.inTransaction(session -> session.scalars(paymentsOf(account)).collectList().doOnNext(payments -> {
            ((BankPayment) payments.get(1)).iban = "FR76";
            session.delete(payments.get(2));
        })).block(TIMEOUT);

        recorder.assertThat().updates().singleElement().setsOnly("iban", "version");
        recorder.assertThat().deletes().singleElement().sqlContains("\"payment\"");
        List<Payment> left = factory.withSession(session -> session.scalars(paymentsOf(account)).collectList())
                .block(TIMEOUT);
        assertThat(left).hasSize(2);
        assertThat(((BankPayment) left.get(1)).iban).isEqualTo("FR76");
    }

    @Test
    void rowsOfDifferentSubclassesReferringToEachOtherAreInsertedAndDeletedInDependencyOrderInOneFlush(
            SessionFactory factory) {
        Account account = new Account(UUID.randomUUID().toString());
        CardPayment card = new CardPayment(account, "5.00", "4111");
        BankPayment correction = new BankPayment(account, "-5.00", "DE89");
        correction.original = card;
        factory.inTransaction(session -> {
            session.add(correction); // added first, written after the card it refers to
            session.add(card);
            return Mono.empty();
        }).block(TIMEOUT);

        Payment loaded = factory.withSession(session -> session.scalars(paymentsOf(account)
                .options(Load.selectIn("original"))).next()).block(TIMEOUT);
        assertThat(loaded).isInstanceOf(BankPayment.class);
        assertThat(loaded.original).isInstanceOf(CardPayment.class);
        assertThat(loaded.addedAt).as("the root's @PrePersist ran for the subclass").isNotNull();
        assertThat(loaded.version).isZero();

        factory.inTransaction(session -> session.scalars(paymentsOf(account)).collectList()
                .doOnNext(payments -> payments.forEach(session::delete))).block(TIMEOUT);
        assertThat(factory.withSession(session -> session.count(paymentsOf(account))).block(TIMEOUT)).isZero();
    }

    @Test
    void aChangeToASubclassFieldBumpsTheVersionTheRootDeclares(SessionFactory factory) {
        Account account = accountWithThreeKinds(factory);
        Select<CardPayment> card = Select.from(CardPayment.class).where(Condition.eq("account.id", account.id));

        factory.inTransaction(session -> session.scalars(card).next().doOnNext(found -> found.cardNumber = "5500"))
                .block(TIMEOUT);
        CardPayment read = factory.withSession(session -> session.scalars(card).next()).block(TIMEOUT);

        assertThat(read.cardNumber).isEqualTo("5500");
        assertThat(read.version).isEqualTo(1);
    }

    @Test
    void fetchingACollectionOfTheBaseTypeLoadsEveryKind(SessionFactory factory) {
        Account account = accountWithThreeKinds(factory);

        List<Payment> payments = factory.withSession(session -> session.get(Account.class, account.id)
                .flatMap(found -> session.fetch(found, "payments")).map(found -> found.payments)).block(TIMEOUT);

        assertThat(payments).extracting(payment -> payment.getClass().getSimpleName())
                .containsExactlyInAnyOrder("CardPayment", "BankPayment", "VoucherPayment");
    }

    @Test
    void aRowSwitchToAnotherSubclassIsOneUpdateThatWritesTheNewClassAndClearsTheOldClassesColumns(
            SessionFactory factory, StatementRecorder recorder) {
        long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        factory.inTransaction(session -> {
            session.add(new Letter(id, "same", 3));
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.reset();

        factory.inTransaction(session -> session.get(Parcel.class, id).flatMap(letter -> {
            session.delete(letter);
            Crate crate = new Crate(id, "same", 40);
            session.add(crate);
            return session.flush().then(Mono.fromRunnable(() -> crate.weight = 41));
        })).block(TIMEOUT);

        recorder.assertThat().updates().hasStatementCount(2);
        recorder.assertThat().updates().element(0).setsOnly("dtype", "weight", "stamps").sqlContains("\"stamps\" = NULL");
        recorder.assertThat().updates().element(1).setsOnly("weight"); // the next flush clears nothing again
        recorder.assertThat().inserts().hasNoStatements();
        recorder.assertThat().deletes().hasNoStatements();
        List<String> row = factory.withSession(session -> session.rows(NativeQuery.value(String.class,
                "SELECT concat_ws('/', dtype, label, coalesce(stamps::text, 'null'), weight) FROM parcel WHERE id = :id")
                .bind("id", id)).collectList()).block(TIMEOUT);
        assertThat(row).containsExactly("Crate/same/null/41");
        Parcel read = factory.withSession(session -> session.get(Parcel.class, id)).block(TIMEOUT);
        assertThat(read).isInstanceOf(Crate.class);
    }
}
