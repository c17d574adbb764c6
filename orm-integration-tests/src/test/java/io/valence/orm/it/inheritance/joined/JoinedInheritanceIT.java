package io.valence.orm.it.inheritance.joined;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.query.Condition;
import io.valence.orm.query.Load;
import io.valence.orm.query.NativeQuery;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A JOINED hierarchy on PostgreSQL: a table per class joined by the key, polymorphic queries in one
 * statement with LEFT JOINs, inserts into the root's table then each subclass table (the generated
 * ids carried over), updates of the tables whose columns changed, deletes of the subclass rows then
 * the root's, one identity per row, and relationships to the base type loading the concrete classes.
 */
@ValenceTest(entities = {Customer.class, Charge.class, CardCharge.class, BankCharge.class, VoucherCharge.class,
        Dispute.class, Asset.class, Vehicle.class, Truck.class, Building.class, Invoice.class})
class JoinedInheritanceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A customer named after a fresh prefix with a card, a bank and a voucher charge, committed. */
    private static Customer customerWithThreeKinds(SessionFactory factory) {
        Customer customer = new Customer(UUID.randomUUID().toString());
        factory.inTransaction(session -> {
            session.add(customer);
            session.add(new CardCharge(customer, "10.00", "4111"));
            session.add(new BankCharge(customer, "20.00", "DE89"));
            session.add(new VoucherCharge(customer, "30.00", "V-1"));
            return Mono.empty();
        }).block(TIMEOUT);
        return customer;
    }

    private static Select<Charge> chargesOf(Customer customer) {
        return Select.from(Charge.class).where(Condition.eq("customer.id", customer.id)).orderBy("amount");
    }

    private static long countIn(SessionFactory factory, String table, Customer customer) {
        return factory.withSession(session -> session.rows(NativeQuery.value(Long.class, "SELECT count(*) FROM " + table
                + " AS s JOIN charge AS c ON c.id = s." + (table.equals("bank_transfer") ? "charge_id" : "id")
                + " WHERE c.customer_id = :customer").bind("customer", customer.id)).next()).block(TIMEOUT);
    }

    @Test
    void eachClassHasATableWhoseKeyReferencesTheRootsAndTheCreatedSchemaValidates(SessionFactory factory) {
        assertThat(factory.schema().ddl()).anySatisfy(ddl -> assertThat(ddl).isEqualTo("CREATE TABLE \"bank_transfer\" (\n"
                + "    \"charge_id\" bigint PRIMARY KEY REFERENCES \"charge\" (\"id\"),\n    \"iban\" text,\n"
                + "    \"payee_id\" bigint REFERENCES \"customer\" (\"id\")\n)"));
        assertThat(factory.schema().ddl()).anySatisfy(ddl -> assertThat(ddl).startsWith("CREATE TABLE \"card_charge\"")
                .contains("\"card_number\" text NOT NULL"));
        factory.schema().validate().block(TIMEOUT);
    }

    @Test
    void aPolymorphicQueryOverThreeSubclassesIsOneStatementWithLeftJoinsReturningTheConcreteClasses(
            SessionFactory factory, StatementRecorder recorder) {
        Customer customer = customerWithThreeKinds(factory);
        recorder.reset();

        List<Charge> charges = factory.withSession(session -> session.scalars(chargesOf(customer)).collectList())
                .block(TIMEOUT);

        recorder.assertThat().hasStatementCount(1);
        recorder.assertThat().singleElement().sqlContains("LEFT OUTER JOIN \"card_charge\"")
                .sqlContains("LEFT OUTER JOIN \"bank_transfer\"").sqlContains("LEFT OUTER JOIN \"voucher_charge\"");
        assertThat(charges).extracting(charge -> charge.getClass().getSimpleName())
                .containsExactly("CardCharge", "BankCharge", "VoucherCharge");
        assertThat(((CardCharge) charges.get(0)).cardNumber).isEqualTo("4111");
        assertThat(((BankCharge) charges.get(1)).iban).isEqualTo("DE89");
        assertThat(((VoucherCharge) charges.get(2)).code).isEqualTo("V-1");
        assertThat(charges.get(2).amount).isEqualByComparingTo("30.00");
    }

    @Test
    void thirtyMixedObjectsAreOneInsertIntoTheRootPerClassThenOneIntoEachSubclassTableWithTheGeneratedIds(
            SessionFactory factory, StatementRecorder recorder) {
        Customer customer = new Customer(UUID.randomUUID().toString());
        factory.inTransaction(session -> {
            session.add(customer);
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.reset();

        factory.inTransaction(session -> {
            for (int i = 0; i < 10; i++) {
                session.add(new CardCharge(customer, i + ".00", "card-" + i));
                session.add(new BankCharge(customer, i + ".01", "iban-" + i));
                session.add(new VoucherCharge(customer, i + ".02", "code-" + i));
            }
            return Mono.empty();
        }).block(TIMEOUT);

        recorder.assertThat().inserts().hasStatementCount(6);
        List<String> tables = recorder.statements().stream().filter(s -> s.sql().contains("INSERT INTO"))
                .map(s -> s.sql().replaceAll("^.*INSERT INTO (\"[a-z_]+\").*$", "$1")).toList();
        assertThat(tables).containsExactlyInAnyOrder("\"charge\"", "\"charge\"", "\"charge\"", "\"card_charge\"",
                "\"bank_transfer\"", "\"voucher_charge\"");
        assertThat(tables.indexOf("\"card_charge\"")).isGreaterThan(tables.indexOf("\"charge\""));
        List<Charge> read = factory.withSession(session -> session.scalars(chargesOf(customer)).collectList())
                .block(TIMEOUT);
        assertThat(read).hasSize(30);
        assertThat(read).filteredOn(CardCharge.class::isInstance).extracting(charge -> ((CardCharge) charge).cardNumber)
                .containsExactly("card-0", "card-1", "card-2", "card-3", "card-4", "card-5", "card-6", "card-7",
                        "card-8", "card-9");
        assertThat(countIn(factory, "bank_transfer", customer)).isEqualTo(10);
    }

    @Test
    void aQueryOfASubclassInnerJoinsItsTableAndConditionsReachItsColumns(SessionFactory factory,
            StatementRecorder recorder) {
        Customer customer = customerWithThreeKinds(factory);
        recorder.reset();

        List<BankCharge> banks = factory.withSession(session -> session.scalars(Select.from(BankCharge.class)
                .where(Condition.eq("customer.id", customer.id).and(Condition.eq("iban", "DE89")))).collectList())
                .block(TIMEOUT);
        List<Charge> byCard = factory.withSession(session -> session.scalars(chargesOf(customer)
                .where(Condition.eq("cardNumber", "4111"))).collectList()).block(TIMEOUT);
        long vouchers = factory.withSession(session -> session.count(Select.from(VoucherCharge.class)
                .where(Condition.eq("customer.id", customer.id)))).block(TIMEOUT);

        recorder.assertThat().element(0).sqlContains("INNER JOIN \"bank_transfer\"");
        assertThat(banks).singleElement().satisfies(bank -> assertThat(bank.amount).isEqualByComparingTo("20.00"));
        assertThat(byCard).singleElement().isInstanceOf(CardCharge.class);
        assertThat(vouchers).isEqualTo(1);
    }

    @Test
    void getByTheBaseAndByTheSubclassReturnsTheSameObjectAndTheSecondGetRunsNoStatement(
            SessionFactory factory, StatementRecorder recorder) {
        Customer customer = customerWithThreeKinds(factory);
        Long cardId = factory.withSession(session -> session.scalars(Select.from(CardCharge.class)
                .where(Condition.eq("customer.id", customer.id))).next().map(card -> card.id)).block(TIMEOUT);
        recorder.reset();

        List<Object> found = factory.withSession(session -> session.get(Charge.class, cardId)
                .flatMap(base -> {
                    int afterFirst = recorder.statements().size();
                    return session.get(CardCharge.class, cardId).map(card -> {
                        List<Object> both = new ArrayList<>(List.of(base, card));
                        both.add(recorder.statements().size() - afterFirst);
                        return both;
                    });
                })).block(TIMEOUT);

        assertThat(found.get(0)).isInstanceOf(CardCharge.class).isSameAs(found.get(1));
        assertThat(found.get(2)).as("statements of the second get").isEqualTo(0);
        assertThat(factory.withSession(session -> session.get(BankCharge.class, cardId)).blockOptional(TIMEOUT))
                .as("a get by another subclass finds no row")
                .isEmpty();
    }

    @Test
    void aChangeOfASubclassColumnIsOneUpdateOfItsTableAndOfARootColumnOneOfTheRoots(SessionFactory factory,
            StatementRecorder recorder) {
        Customer customer = customerWithThreeKinds(factory);
        recorder.reset();

        factory.inTransaction(session -> session.scalars(chargesOf(customer)).collectList().doOnNext(charges ->
                ((BankCharge) charges.get(1)).iban = "FR76")).block(TIMEOUT);
        recorder.assertThat().updates().singleElement().setsOnly("iban").sqlContains("UPDATE \"bank_transfer\"");
        recorder.reset();
        factory.inTransaction(session -> session.scalars(chargesOf(customer)).collectList().doOnNext(charges ->
                charges.get(2).amount = new BigDecimal("31.00"))).block(TIMEOUT);
        recorder.assertThat().updates().singleElement().setsOnly("amount").sqlContains("UPDATE \"charge\"");

        List<Charge> read = factory.withSession(session -> session.scalars(chargesOf(customer)).collectList())
                .block(TIMEOUT);
        assertThat(((BankCharge) read.get(1)).iban).isEqualTo("FR76");
        assertThat(read.get(2).amount).isEqualByComparingTo("31.00");
    }

    @Test
    void aDeleteRemovesTheSubclassRowsThenTheRootRows(SessionFactory factory, StatementRecorder recorder) {
        Customer customer = customerWithThreeKinds(factory);
        recorder.reset();

        factory.inTransaction(session -> session.scalars(chargesOf(customer)).collectList()
                .doOnNext(charges -> session.delete(charges.get(0)))).block(TIMEOUT);

        recorder.assertThat().deletes().hasStatementCount(2);
        recorder.assertThat().deletes().element(0).sqlContains("DELETE FROM \"card_charge\"");
        recorder.assertThat().deletes().element(1).sqlContains("DELETE FROM \"charge\"");
        assertThat(factory.withSession(session -> session.count(chargesOf(customer))).block(TIMEOUT)).isEqualTo(2);
        assertThat(countIn(factory, "card_charge", customer)).isZero();
    }

    @Test
    void aManyToOneToTheBaseTypeLoadsTheConcreteClassBySelectInJoinAndFetch(SessionFactory factory,
            StatementRecorder recorder) {
        Customer customer = customerWithThreeKinds(factory);
        factory.inTransaction(session -> session.scalars(chargesOf(customer)).collectList().doOnNext(charges ->
                charges.forEach(charge -> session.add(new Dispute(charge, customer.name))))).block(TIMEOUT);
        Select<Dispute> disputes = Select.from(Dispute.class).where(Condition.eq("reason", customer.name)).orderBy("id");
        recorder.reset();

        List<Dispute> bySelectIn = factory.withSession(session -> session.scalars(disputes.options(
                Load.selectIn("charge"))).collectList()).block(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        List<Dispute> byJoin = factory.withSession(session -> session.scalars(disputes.options(
                Load.joined("charge"))).collectList()).block(TIMEOUT);
        Dispute fetched = factory.withSession(session -> session.scalars(disputes).next()
                .flatMap(dispute -> session.fetch(dispute, "charge").thenReturn(dispute))).block(TIMEOUT);

        assertThat(bySelectIn).extracting(dispute -> dispute.charge.getClass().getSimpleName())
                .containsExactly("CardCharge", "BankCharge", "VoucherCharge");
        assertThat(byJoin).extracting(dispute -> dispute.charge.getClass().getSimpleName())
                .containsExactly("CardCharge", "BankCharge", "VoucherCharge");
        assertThat(fetched.charge).isInstanceOf(CardCharge.class);
        assertThat(((CardCharge) fetched.charge).cardNumber).isEqualTo("4111");
    }

    @Test
    void aOneToManyToTheBaseTypeHoldsEveryKindInOneSelectInAndBySessionFetch(SessionFactory factory,
            StatementRecorder recorder) {
        Customer customer = customerWithThreeKinds(factory);
        recorder.reset();

        Customer loaded = factory.withSession(session -> session.scalars(Select.from(Customer.class)
                .filterBy("id", customer.id).options(Load.selectIn("charges"))).next()).block(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        List<Charge> fetched = factory.withSession(session -> session.get(Customer.class, customer.id)
                .flatMap(found -> session.fetch(found, "charges")).map(found -> found.charges)).block(TIMEOUT);

        assertThat(loaded.charges).extracting(charge -> charge.getClass().getSimpleName())
                .containsExactlyInAnyOrder("CardCharge", "BankCharge", "VoucherCharge");
        assertThat(fetched).hasSize(3);
    }

    @Test
    void aRelationshipOnlyASubclassDeclaresIsWrittenToItsTableAndLoadedFromTheBase(SessionFactory factory) {
        Customer customer = customerWithThreeKinds(factory);
        factory.inTransaction(session -> session.scalars(Select.from(BankCharge.class)
                .where(Condition.eq("customer.id", customer.id))).next().doOnNext(bank -> bank.payee = customer))
                .block(TIMEOUT);

        List<Charge> charges = factory.withSession(session -> session.scalars(chargesOf(customer)
                .options(Load.selectIn("payee"))).collectList()).block(TIMEOUT);

        assertThat(((BankCharge) charges.get(1)).payee.name).isEqualTo(customer.name);
    }

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    @Test
    void aClassTwoLevelsDownIsInsertedIntoThreeTablesAndAQueryOfTheMiddleClassReturnsIt(SessionFactory factory,
            StatementRecorder recorder) {
        long id = newId();
        recorder.reset();

        factory.inTransaction(session -> {
            session.add(new Truck(id, "lorry", 6, 12));
            return Mono.empty();
        }).block(TIMEOUT);

        recorder.assertThat().inserts().hasStatementCount(3);
        recorder.assertThat().inserts().element(0).sqlContains("INSERT INTO \"asset\"");
        recorder.assertThat().inserts().element(1).sqlContains("INSERT INTO \"vehicle\"");
        recorder.assertThat().inserts().element(2).sqlContains("INSERT INTO \"truck\"");
        List<Vehicle> vehicles = factory.withSession(session -> session.scalars(Select.from(Vehicle.class)
                .filterBy("id", id)).collectList()).block(TIMEOUT);
        assertThat(vehicles).singleElement().isInstanceOfSatisfying(Truck.class, truck -> {
            assertThat(truck.wheels).isEqualTo(6);
            assertThat(truck.payload).isEqualTo(12);
            assertThat(truck.version).isZero();
        });
    }

    @Test
    void aChangeOfASubclassColumnOfAVersionedClassIncrementsTheVersionInTheRootsTableOnce(SessionFactory factory,
            StatementRecorder recorder) {
        long id = newId();
        factory.inTransaction(session -> {
            session.add(new Building(id, "tower", 10));
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.reset();

        factory.inTransaction(session -> session.get(Building.class, id).doOnNext(building -> building.floors = 11))
                .block(TIMEOUT);

        recorder.assertThat().updates().hasStatementCount(2);
        recorder.assertThat().updates().element(0).sqlContains("UPDATE \"asset\"").setsOnly("version");
        recorder.assertThat().updates().element(1).sqlContains("UPDATE \"building\"").setsOnly("floors");
        Building read = factory.withSession(session -> session.get(Building.class, id)).block(TIMEOUT);
        assertThat(read.floors).isEqualTo(11);
        assertThat(read.version).isEqualTo(1);
    }

    @Test
    void aNewObjectOfAnotherClassTakingADeletedObjectsKeyDeletesItsRowsFirstThenInsertsInOneFlush(
            SessionFactory factory, StatementRecorder recorder) {
        long id = newId();
        factory.inTransaction(session -> {
            session.add(new Building(id, "shed", 1));
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.reset();

        factory.inTransaction(session -> session.get(Asset.class, id).doOnNext(old -> {
            session.delete(old);
            session.add(new Truck(id, "van", 4, 2));
        })).block(TIMEOUT);

        recorder.assertThat().deletes().hasStatementCount(2);
        recorder.assertThat().inserts().hasStatementCount(3);
        Asset read = factory.withSession(session -> session.get(Asset.class, id)).block(TIMEOUT);
        assertThat(read).isInstanceOfSatisfying(Truck.class, truck -> assertThat(truck.name).isEqualTo("van"));
        long buildings = factory.withSession(session -> session.rows(NativeQuery.value(Long.class,
                "SELECT count(*) FROM building WHERE id = :id").bind("id", id)).next()).block(TIMEOUT);
        assertThat(buildings).isZero();
    }

    @Test
    void postgresqlPlansTheDerivedTableAsPlainJoinsOfTheTablesAlsoOnTheOuterSideOfAJoin(SessionFactory factory,
            StatementRecorder recorder) {
        Customer customer = customerWithThreeKinds(factory);
        recorder.reset();
        factory.withSession(session -> session.scalars(chargesOf(customer).options(Load.joined("customer")))
                .collectList()).block(TIMEOUT);
        factory.withSession(session -> session.scalars(Select.from(Customer.class).filterBy("id", customer.id)
                .options(Load.joined("charges"))).collectList()).block(TIMEOUT);
        List<String> queries = recorder.statements().stream().map(statement -> statement.sql())
                .filter(text -> text.startsWith("SELECT")).map(text -> text.replace("$1", String.valueOf(customer.id)))
                .toList();

        for (String sql : queries) {
            List<String> plan = factory.withSession(session -> session.rows(NativeQuery.value(String.class,
                    "EXPLAIN (COSTS OFF) " + sql)).collectList()).block(TIMEOUT);
            assertThat(String.join("\n", plan)).doesNotContain("Subquery Scan").contains("card_charge",
                    "bank_transfer", "voucher_charge");
        }
        assertThat(queries).hasSize(2);
    }

    @Test
    void aManyToManyToTheBaseTypeLinksChargesOfEveryKindInOneInsertAndLoadsThemInOneSelectIn(SessionFactory factory,
            StatementRecorder recorder) {
        Customer customer = customerWithThreeKinds(factory);
        Invoice invoice = new Invoice(customer.name);
        factory.inTransaction(session -> session.scalars(chargesOf(customer)).collectList().doOnNext(charges -> {
            invoice.charges.addAll(charges);
            session.add(invoice);
        })).block(TIMEOUT);
        recorder.reset();

        Invoice loaded = factory.withSession(session -> session.scalars(Select.from(Invoice.class)
                .filterBy("id", invoice.id).options(Load.selectIn("charges"))).next()).block(TIMEOUT);

        recorder.assertThat().hasStatementCount(2);
        assertThat(loaded.charges).extracting(charge -> charge.getClass().getSimpleName())
                .containsExactlyInAnyOrder("CardCharge", "BankCharge", "VoucherCharge");
    }
}
