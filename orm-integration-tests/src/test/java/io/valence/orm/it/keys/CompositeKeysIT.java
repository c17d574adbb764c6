package io.valence.orm.it.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.valence.orm.StaleObjectException;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Entities keyed by an {@code @IdClass} and an {@code @EmbeddedId}, on PostgreSQL, with statement counts. */
@ValenceTest(entities = {Product.class, OrderLine.class, RoomNight.class, Delivery.class})
class CompositeKeysIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static List<OrderLine> lines(long orderId, int count, Product product) {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(new OrderLine(orderId, i, i, product));
        }
        return lines;
    }

    private static void addProduct(SessionFactory factory, Product product) {
        factory.inTransaction(session -> {
            session.add(product);
            return Mono.empty();
        }).block(TIMEOUT);
    }

    @Test
    void hundredLinesAreInsertedUpdatedAndDeletedInOneStatementEach(SessionFactory factory, StatementRecorder recorder) {
        addProduct(factory, new Product(1L, "tea"));
        recorder.reset();
        factory.inTransaction(session -> session.get(Product.class, 1L).doOnNext(inSession ->
                lines(100L, 100, inSession).forEach(session::add))).block(TIMEOUT);
        recorder.assertThat().inserts().singleElement().sqlContains("INSERT INTO \"order_line\"");

        recorder.reset();
        factory.inTransaction(session -> session.scalars(Select.from(OrderLine.class).filterBy("orderId", 100L))
                .doOnNext(line -> line.quantity += 10).then()).block(TIMEOUT);
        recorder.assertThat().updates().singleElement().setsOnly("quantity", "version");

        recorder.reset();
        factory.inTransaction(session -> session.scalars(Select.from(OrderLine.class).filterBy("orderId", 100L))
                .doOnNext(session::delete).then()).block(TIMEOUT);
        recorder.assertThat().deletes().hasStatementCount(1);
        StepVerifier.create(factory.withSession(session -> session.count(Select.from(OrderLine.class)
                        .filterBy("orderId", 100L))))
                .expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void getByKeyObjectAnswersFromTheIdentityMapWithoutAStatement(SessionFactory factory, StatementRecorder recorder) {
        factory.inTransaction(session -> {
            session.add(new RoomNight("101", 1, "Ada"));
            return Mono.empty();
        }).block(TIMEOUT);
        Mono<Boolean> same = factory.withSession(session -> session.get(RoomNight.class, new NightId("101", 1))
                .flatMap(first -> {
                    recorder.reset();
                    return session.get(RoomNight.class, new NightId("101", 1)).map(second -> second == first);
                }));
        StepVerifier.create(same).expectNext(true).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();

        recorder.reset();
        StepVerifier.create(factory.withSession(session -> session.get(RoomNight.class, new NightId("101", 1))))
                .assertNext(night -> assertThat(night.guest).isEqualTo("Ada")).expectComplete().verify(TIMEOUT);
        recorder.assertThat().selects().singleElement().sqlContains("WHERE (t0.\"room\", t0.\"night\") = ($1, $2)");
        StepVerifier.create(factory.withSession(session -> session.get(RoomNight.class, new NightId("101", 2))))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void conditionsNameKeyPartsByPropertyOrEmbeddedPathOrTheWholeKey(SessionFactory factory) {
        factory.inTransaction(session -> {
            session.add(new RoomNight("201", 1, "Bo"));
            session.add(new RoomNight("201", 2, "Cy"));
            session.add(new RoomNight("202", 1, "Di"));
            return Mono.empty();
        }).block(TIMEOUT);
        StepVerifier.create(factory.withSession(session -> session.scalars(Select.from(RoomNight.class)
                        .where(Condition.eq("id.room", "201")).orderBy("id.night")).map(night -> night.guest)
                        .collectList()))
                .expectNext(List.of("Bo", "Cy")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(factory.withSession(session -> session.one(Select.from(RoomNight.class)
                        .where(Condition.eq("id", new NightId("202", 1)))).map(night -> night.guest)))
                .expectNext("Di").expectComplete().verify(TIMEOUT);
    }

    @Test
    void linesOfProductsLoadBySelectInInTwoStatements(SessionFactory factory, StatementRecorder recorder) {
        factory.inTransaction(session -> {
            for (long p = 11; p <= 13; p++) {
                Product product = new Product(p, "p" + p);
                session.add(product);
                lines(p, 3, product).forEach(session::add);
            }
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.reset();
        StepVerifier.create(factory.withSession(session -> session.scalars(Select.from(Product.class)
                        .where(Condition.in("id", List.of(11L, 12L, 13L))).options(Load.selectIn("lines")))
                        .map(product -> product.lines.size()).collectList()))
                .expectNext(List.of(3, 3, 3)).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
    }

    @Test
    void refreshMergeAndVersionWorkWithACompositeKey(SessionFactory factory) {
        Product product = new Product(21L, "coffee");
        factory.inTransaction(session -> {
            session.add(product);
            session.add(new OrderLine(21L, 1, 5, product));
            return Mono.empty();
        }).block(TIMEOUT);
        OrderLineKey key = new OrderLineKey(21L, 1);
        Mono<String> refreshed = factory.inTransaction(session -> session.get(OrderLine.class, key).flatMap(line -> {
            line.quantity = 99;
            return session.refresh(line).map(same -> same.quantity + "/" + same.version);
        }));
        StepVerifier.create(refreshed).expectNext("5/0").expectComplete().verify(TIMEOUT);

        OrderLine detached = factory.withSession(session -> session.get(OrderLine.class, key)).block(TIMEOUT);
        detached.quantity = 6;
        StepVerifier.create(factory.inTransaction(session -> session.merge(detached).map(merged -> merged != detached)))
                .expectNext(true).expectComplete().verify(TIMEOUT);
        StepVerifier.create(factory.withSession(session -> session.get(OrderLine.class, key))
                        .map(line -> line.quantity + "/" + line.version))
                .expectNext("6/1").expectComplete().verify(TIMEOUT);

        Mono<Void> stale = factory.inTransaction(session -> session.get(OrderLine.class, key).flatMap(line -> {
            line.quantity = 7;
            return factory.inTransaction(other -> other.get(OrderLine.class, key).doOnNext(first -> first.quantity = 8))
                    .then(session.flush());
        }));
        StepVerifier.create(stale).expectError(StaleObjectException.class).verify(TIMEOUT);
    }

    @Test
    void aNullKeyPartFailsAtTheCallBeforeAnySql(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        factory.withSession(session -> {
            OrderLine line = new OrderLine(31L, 1, 1, null);
            line.lineNo = null;
            assertThatIllegalArgumentException().isThrownBy(() -> session.add(line))
                    .withMessageContaining("OrderLine.lineNo (column \"line_no\") is null");
            assertThatIllegalArgumentException().isThrownBy(() -> session.get(RoomNight.class, new NightId(null, 1)))
                    .withMessage("get(RoomNight.class, key): the key's part id.room (column \"room\") is null, and no"
                            + " RoomNight row has a NULL key part; pass a NightId with every part set");
            assertThatIllegalArgumentException().isThrownBy(() -> session.get(RoomNight.class, 1L))
                    .withMessageContaining("RoomNight has a composite key of class NightId, but a Long was passed");
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.assertThat().hasNoStatements();
    }

    /** 100 lines of order {@code orderId}, each with one delivery whose id is {@code orderId * 1000 + line}. */
    private static void addLinesWithDeliveries(SessionFactory factory, long orderId) {
        factory.inTransaction(session -> {
            Product product = new Product(orderId, "p" + orderId);
            session.add(product);
            for (OrderLine line : lines(orderId, 100, product)) {
                session.add(line);
                session.add(new Delivery(orderId * 1000 + line.lineNo, "street " + line.lineNo, line));
            }
            return Mono.empty();
        }).block(TIMEOUT);
    }

    @Test
    void deliveriesReferringToCompositeKeysAreInsertedInOneStatementFilteredByTheirLineAndLoadTheirLinesInTwo(
            SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        addLinesWithDeliveries(factory, 41L);
        recorder.assertThat().inserts().hasStatementCount(3);
        recorder.assertThat().inserts().element(2).sqlContains("INSERT INTO \"delivery\" (\"id\", \"address\","
                + " \"order_id\", \"line_no\")");

        recorder.reset();
        StepVerifier.create(factory.withSession(session -> session.scalars(Select.from(Delivery.class)
                        .where(Condition.eq("line.orderId", 41L)).options(Load.selectIn("line")))
                        .map(delivery -> delivery.id == 41_000 + delivery.line.lineNo).collectList()))
                .assertNext(matches -> assertThat(matches).hasSize(100).containsOnly(true))
                .expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        recorder.assertThat().selects().element(1).sqlContains("WHERE (t0.\"order_id\", t0.\"line_no\") IN (SELECT *"
                + " FROM unnest($1::bigint[], $2::integer[]))");

        StepVerifier.create(factory.withSession(session -> session.get(OrderLine.class, new OrderLineKey(41L, 7))
                        .flatMap(line -> session.one(Select.from(Delivery.class).filterBy("line", line)))
                        .map(delivery -> delivery.id)))
                .expectNext(41_007L).expectComplete().verify(TIMEOUT);

        recorder.reset();
        StepVerifier.create(factory.withSession(session -> session.scalars(Select.from(Delivery.class)
                        .where(Condition.eq("line.orderId", 41L)).options(Load.joined("line")))
                        .filter(delivery -> delivery.line.quantity == delivery.line.lineNo).count()))
                .expectNext(100L).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1);
    }

    @Test
    void linesLoadTheirDeliveriesThroughTheInverseSideAndFetchFollowsTheForeignKey(
            SessionFactory factory, StatementRecorder recorder) {
        addLinesWithDeliveries(factory, 42L);
        recorder.reset();
        StepVerifier.create(factory.withSession(session -> session.scalars(Select.from(OrderLine.class)
                        .filterBy("orderId", 42L).options(Load.selectIn("deliveries")))
                        .map(line -> line.deliveries.size() == 1 && line.deliveries.get(0).line == line).collectList()))
                .assertNext(matches -> assertThat(matches).hasSize(100).containsOnly(true))
                .expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);

        StepVerifier.create(factory.withSession(session -> session.get(Delivery.class, 42_007L)
                        .flatMap(delivery -> session.fetch(delivery, "line"))
                        .map(delivery -> delivery.line.orderId + "/" + delivery.line.lineNo)))
                .expectNext("42/7").expectComplete().verify(TIMEOUT);
    }

    @Test
    void linesAndTheirDeliveriesAreDeletedChildrenFirstInOneStatementPerTable(
            SessionFactory factory, StatementRecorder recorder) {
        addLinesWithDeliveries(factory, 43L);
        recorder.reset();
        factory.inTransaction(session -> session.scalars(Select.from(OrderLine.class).filterBy("orderId", 43L)
                .options(Load.selectIn("deliveries"))).doOnNext(line -> {
                    line.deliveries.forEach(session::delete);
                    session.delete(line);
                }).then()).block(TIMEOUT);
        recorder.assertThat().deletes().hasStatementCount(2);
        recorder.assertThat().deletes().element(0).sqlContains("\"delivery\"");
        recorder.assertThat().deletes().element(1).sqlContains("\"order_line\"");
    }

    @Test
    void theCreatedSchemaOfCompositeKeysAndForeignKeysValidates(SessionFactory factory) {
        StepVerifier.create(factory.schema().validate()).expectComplete().verify(TIMEOUT);
    }
}
