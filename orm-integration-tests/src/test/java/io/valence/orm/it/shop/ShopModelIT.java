package io.valence.orm.it.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A realistic model mapped as a JPA user writes it: a mapped superclass with a UUID v7 id, a version and
 * audit timestamps set by callbacks; an embedded address; JSON preferences; tags as a text[] array;
 * Money through an auto-applied converter; an order with its lines. Found by scanPackages, converter
 * included.
 */
@ValenceTest
class ShopModelIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static SessionFactory factory;

    @BeforeAll
    static void createSchema(ConnectionPool pool) {
        factory = SessionFactory.builder(pool).scanPackages("io.valence.orm.it.shop").build();
        factory.schema().create().block(TIMEOUT);
    }

    @AfterAll
    static void close() {
        factory.close().block(TIMEOUT);
    }

    private static Customer customer(String name) {
        return new Customer(name, new Address("1 Rue de la Paix", "Paris", "75002"),
                new Preferences(true, "dark", Map.of("lang", "fr")), List.of("vip", "early"));
    }

    /** Commits a customer with an order of two lines and returns the ids (customer, order). */
    private static List<UUID> committedOrder(String name) {
        Customer customer = customer(name);
        PurchaseOrder order = new PurchaseOrder(customer);
        order.add("sku-1", 2, new Money(1_250));
        order.add("sku-2", 1, new Money(990));
        factory.inTransaction(session -> {
            session.add(order);
            return Mono.empty();
        }).block(TIMEOUT);
        return List.of(customer.id, order.id);
    }

    @Test
    void theCreatedSchemaValidatesAgainstTheMapping() {
        factory.schema().validate().block(TIMEOUT); // uuid, timestamptz, jsonb, text[], embedded columns alike
    }

    @Test
    void aGraphRoundTripsWithIdsAndTimestampsAssignedAtAddAndOneInsertPerTable(StatementRecorder recorder) {
        Customer customer = customer("round-trip");
        PurchaseOrder order = new PurchaseOrder(customer);
        order.add("sku-1", 2, new Money(1_250));
        order.add("sku-2", 1, new Money(990));
        recorder.reset();

        factory.inTransaction(session -> {
            session.add(order);
            assertThat(order.id).as("assigned at add(), no round trip").isNotNull();
            assertThat(order.id.version()).isEqualTo(7);
            assertThat(customer.createdAt).as("@PrePersist ran at add()").isNotNull();
            return Mono.empty();
        }).block(TIMEOUT);

        recorder.assertThat().hasStatementCount(3);
        recorder.assertThat().inserts().hasStatementCount(3);
        Customer read = factory.withSession(session -> session.get(Customer.class, customer.id)).block(TIMEOUT);
        assertThat(read).isNotSameAs(customer);
        assertThat(read.name).isEqualTo("round-trip");
        assertThat(read.address.city).isEqualTo("Paris");
        assertThat(read.address.postalCode).isEqualTo("75002");
        assertThat(read.preferences).isEqualTo(new Preferences(true, "dark", Map.of("lang", "fr")));
        assertThat(read.tags).containsExactly("vip", "early");
        assertThat(read.createdAt).as("the object held what the database holds").isEqualTo(customer.createdAt);
        assertThat(read.version).isZero();
        PurchaseOrder readOrder = factory.withSession(session -> session.get(PurchaseOrder.class, order.id)).block(TIMEOUT);
        assertThat(readOrder.total).isEqualTo(new Money(3_490));
    }

    @Test
    void changesInsideTheEmbeddedValueAndTheListUpdateOnlyTheirColumnsAndTheAuditColumn(StatementRecorder recorder) {
        UUID id = committedOrder("dirty").get(0);
        recorder.reset();

        Customer changed = factory.inTransaction(session -> session.get(Customer.class, id).doOnNext(customer -> {
            customer.address.city = "Lyon";
            customer.tags.add("moved");
        })).block(TIMEOUT);

        recorder.assertThat().updates().singleElement().setsOnly("city", "tags", "updated_at", "version");
        assertThat(changed.updatedAt).isAfter(changed.createdAt);
        Customer read = factory.withSession(session -> session.get(Customer.class, id)).block(TIMEOUT);
        assertThat(read.address.city).isEqualTo("Lyon");
        assertThat(read.tags).containsExactly("vip", "early", "moved");
        assertThat(read.version).isEqualTo(1);
        assertThat(read.updatedAt).isEqualTo(changed.updatedAt);
    }

    @Test
    void aJsonValueChangedInPlaceIsWritten(StatementRecorder recorder) {
        UUID id = committedOrder("json").get(0);
        recorder.reset();

        factory.inTransaction(session -> session.get(Customer.class, id).doOnNext(customer ->
                customer.preferences.extras().put("currency", "EUR"))).block(TIMEOUT);

        recorder.assertThat().updates().singleElement().setsOnly("preferences", "updated_at", "version");
        Customer read = factory.withSession(session -> session.get(Customer.class, id)).block(TIMEOUT);
        assertThat(read.preferences.extras()).containsEntry("lang", "fr").containsEntry("currency", "EUR");
    }

    @Test
    void ordersLoadEagerlyWithTheirCustomerAndLinesInTwoStatements(StatementRecorder recorder) {
        UUID orderId = committedOrder("eager").get(1);
        recorder.reset();

        PurchaseOrder order = factory.withSession(session -> session.one(Select.from(PurchaseOrder.class)
                .where(Condition.eq("id", orderId))
                .options(Load.joined("customer"), Load.selectIn("lines")))).block(TIMEOUT);

        recorder.assertThat().hasStatementCount(2);
        assertThat(order.customer.address.city).isEqualTo("Paris");
        assertThat(order.lines).extracting(line -> line.sku).containsExactlyInAnyOrder("sku-1", "sku-2");
        assertThat(order.lines).extracting(line -> line.unitPrice).containsExactlyInAnyOrder(new Money(1_250), new Money(990));
    }

    @Test
    void queriesFilterOnTheEmbeddedValueTheArrayAndTheJsonDocument() {
        committedOrder("query-a");
        Customer other = customer("query-b");
        other.address = new Address("2 Main St", "Berlin", "10115");
        other.tags = new java.util.ArrayList<>(List.of("regular"));
        other.preferences = new Preferences(false, "light", Map.of());
        factory.inTransaction(session -> {
            session.add(other);
            return Mono.empty();
        }).block(TIMEOUT);

        List<String> berlin = names(Condition.eq("address.city", "Berlin"));
        List<String> vip = names(Condition.arrayContains("tags", List.of("vip")).and(Condition.like("name", "query-%")));
        List<String> light = names(Condition.jsonEq("preferences", "theme", "light").and(Condition.like("name", "query-%")));
        List<String> either = names(Condition.arrayOverlaps("tags", List.of("regular", "nope")));
        List<String> any = names(Condition.arrayAny("tags", "early").and(Condition.eq("name", "query-a")));

        assertThat(berlin).containsExactly("query-b");
        assertThat(vip).containsExactly("query-a");
        assertThat(light).containsExactly("query-b");
        assertThat(either).containsExactly("query-b");
        assertThat(any).containsExactly("query-a");
    }

    private static List<String> names(Condition condition) {
        return factory.withSession(session -> session.scalars(Select.from(Customer.class).where(condition).orderBy("name"))
                .map(customer -> customer.name).collectList()).block(TIMEOUT);
    }

    @Test
    void deletingAnOrderDeletesItsLinesOneStatementPerTable(StatementRecorder recorder) {
        UUID orderId = committedOrder("delete").get(1);

        factory.inTransaction(session -> session.get(PurchaseOrder.class, orderId).flatMap(order -> {
            recorder.reset();
            session.delete(order);
            return session.flush();
        })).block(TIMEOUT);

        recorder.assertThat().hasStatementCount(3); // the lines' select-in for the cascade, then one DELETE per table
        recorder.assertThat().deletes().hasStatementCount(2);
        assertThat(factory.withSession(session -> session.get(PurchaseOrder.class, orderId)).blockOptional(TIMEOUT))
                .isEmpty();
    }
}
