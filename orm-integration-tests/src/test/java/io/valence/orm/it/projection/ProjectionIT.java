package io.valence.orm.it.projection;

import static io.valence.orm.query.Expression.count;
import static io.valence.orm.query.Expression.countDistinct;
import static io.valence.orm.query.Expression.max;
import static io.valence.orm.query.Expression.min;
import static io.valence.orm.query.Expression.property;
import static io.valence.orm.query.Expression.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.query.Condition;
import io.valence.orm.query.Expression;
import io.valence.orm.query.Order;
import io.valence.orm.query.Projection;
import io.valence.orm.query.Select;
import io.valence.orm.query.Tuple;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Projections and aggregates end to end: chosen columns of a wide entity into records, tuples and
 * single values, through a to-one; grouped aggregates with HAVING and ordering by an aggregate; no
 * identity map; streaming; and the errors raised before any SQL. Each test works on sales of its own
 * region, since the tests of this class share one database.
 */
@ValenceTest(entities = {Customer.class, Sale.class})
class ProjectionIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String[] STATUSES = {"NEW", "PAID", "SHIPPED", "RETURNED"};

    record SaleLine(Long id, String status) {}

    record CustomerSale(Long id, String customerName, BigDecimal amount) {}

    record StatusTotal(String status, Long count, BigDecimal sumAmount, Long sumQuantity) {}

    record WrongTotal(String status, Long total) {}

    /** {@code rows} sales of a region, customer i % 3, status i % 4, amount i.25 and quantity i % 7. */
    private static List<Sale> sales(SessionFactory factory, String region, int rows) {
        return factory.inTransaction(session -> {
                    List<Customer> customers = List.of(new Customer(region + "-a"), new Customer(region + "-b"),
                            new Customer(region + "-c"));
                    session.addAll(customers);
                    List<Sale> sales = new ArrayList<>();
                    for (int i = 0; i < rows; i++) {
                        sales.add(new Sale(region, STATUSES[i % 4], new BigDecimal(i + ".25"), i % 7, customers.get(i % 3)));
                    }
                    session.addAll(sales);
                    return Mono.just(sales);
                })
                .block(TIMEOUT);
    }

    private static Select<Sale> salesOf(String region) {
        return Select.from(Sale.class).filterBy("region", region);
    }

    private static <T> T inSession(SessionFactory factory, java.util.function.Function<ReactiveSession, Mono<T>> work) {
        return factory.withSession(work).block(TIMEOUT);
    }

    @Test
    void aProjectionOfTwoColumnsOfATwentyColumnEntitySelectsExactlyThose(SessionFactory factory, StatementRecorder recorder) {
        List<Sale> sales = sales(factory, "two", 5);
        recorder.reset();

        List<SaleLine> lines = inSession(factory, session ->
                session.rows(salesOf("two").orderBy("id").project(SaleLine.class, "id", "status")).collectList());

        recorder.assertThat().hasStatementCount(1);
        recorder.assertThat().singleElement().hasSql("SELECT t0.\"id\", t0.\"status\" FROM \"sale\" AS t0"
                + " WHERE t0.\"region\" = $1 ORDER BY t0.\"id\" ASC");
        assertThat(lines).containsExactly(sales.stream().map(sale -> new SaleLine(sale.id, sale.status)).toArray(SaleLine[]::new));
    }

    @Test
    void anAggregateByGroupOverTenThousandRowsReturnsTheRightSumsInOneStatement(
            SessionFactory factory, StatementRecorder recorder) {
        List<Sale> sales = sales(factory, "ten-k", 10_000);
        Map<String, StatusTotal> expected = new TreeMap<>();
        for (Sale sale : sales) {
            StatusTotal sum = expected.getOrDefault(sale.status, new StatusTotal(sale.status, 0L, BigDecimal.ZERO, 0L));
            expected.put(sale.status, new StatusTotal(sale.status, sum.count() + 1, sum.sumAmount().add(sale.amount),
                    sum.sumQuantity() + sale.quantity));
        }
        recorder.reset();

        List<StatusTotal> totals = inSession(factory, session -> session.rows(salesOf("ten-k")
                        .project(StatusTotal.class, property("status"), count(), sum("amount"), sum("quantity"))
                        .groupBy("status")
                        .orderBy(Order.asc("status")))
                .collectList());

        recorder.assertThat().hasStatementCount(1);
        recorder.assertThat().singleElement().hasSql("SELECT t0.\"status\", count(*), sum(t0.\"amount\"),"
                + " sum(t0.\"quantity\")::bigint FROM \"sale\" AS t0 WHERE t0.\"region\" = $1 GROUP BY t0.\"status\""
                + " ORDER BY t0.\"status\" ASC");
        assertThat(totals).containsExactlyElementsOf(expected.values());
        assertThat(totals.stream().mapToLong(StatusTotal::count).sum()).isEqualTo(10_000);
    }

    @Test
    void havingKeepsGroupsAndAnAggregateOrdersThemWithNullsLast(SessionFactory factory) {
        sales(factory, "having", 12); // per customer: 4 sales; amounts a: 0,3,6,9 b: 1,4,7,10 c: 2,5,8,11 (+ .25)
        factory.inTransaction(session -> {
            session.add(new Sale("having", "NEW", null, null, null)); // a group (no customer) whose sum is NULL
            return Mono.empty();
        }).block(TIMEOUT);

        List<Tuple> rows = inSession(factory, session -> session.rows(salesOf("having")
                        .tuples(property("customer.name"), count(), sum("amount").as("total"))
                        .groupBy("customer.name")
                        .having(count().ge(1).and(count().lt(10)))
                        .orderBy(Order.desc(sum("amount")).nullsLast()))
                .collectList());

        assertThat(rows).extracting(row -> row.get("customerName")).containsExactly("having-c", "having-b", "having-a", null);
        assertThat(rows.get(0).get("total", BigDecimal.class)).isEqualByComparingTo("27.00");
        assertThat(rows.get(3).get("total")).isNull();
        assertThat(rows.get(0).names()).containsExactly("customerName", "count", "total");
    }

    @Test
    void aPathThroughAToOneProjectsTheRelatedColumnWithAnOuterJoin(SessionFactory factory, StatementRecorder recorder) {
        List<Sale> sales = sales(factory, "path", 3);
        recorder.reset();

        List<CustomerSale> rows = inSession(factory, session -> session.rows(salesOf("path").orderBy("id")
                        .project(CustomerSale.class, "id", "customer.name", "amount"))
                .collectList());

        recorder.assertThat().singleElement().sqlContains("LEFT OUTER JOIN \"customer\" AS t1 ON t1.\"id\" = t0.\"customer_id\"");
        assertThat(rows).containsExactly(
                new CustomerSale(sales.get(0).id, "path-a", new BigDecimal("0.25")),
                new CustomerSale(sales.get(1).id, "path-b", new BigDecimal("1.25")),
                new CustomerSale(sales.get(2).id, "path-c", new BigDecimal("2.25")));
    }

    @Test
    void singleValuesDistinctCountMinAndMaxComeBackAsTheirTypes(SessionFactory factory) {
        sales(factory, "single", 8);

        Long customers = inSession(factory, session -> session.one(salesOf("single").value(Long.class, countDistinct("customer"))));
        BigDecimal smallest = inSession(factory, session -> session.one(salesOf("single").value(BigDecimal.class, min("amount"))));
        String lastStatus = inSession(factory, session -> session.one(salesOf("single").value(String.class, max("status"))));
        List<String> statuses = inSession(factory, session -> session.rows(salesOf("single")
                        .value(String.class, "status").distinct().orderBy(Order.asc("status")))
                .collectList());
        BigDecimal average = inSession(factory, session -> session.one(salesOf("single").value(BigDecimal.class, Expression.avg("quantity"))));

        assertThat(customers).isEqualTo(3L);
        assertThat(smallest).isEqualByComparingTo("0.25");
        assertThat(lastStatus).isEqualTo("SHIPPED");
        assertThat(statuses).containsExactly("NEW", "PAID", "RETURNED", "SHIPPED");
        assertThat(average).isEqualByComparingTo("2.625"); // quantities 0..6 and 0: 21 / 8
    }

    @Test
    void projectedRowsAreNotEntitiesAndLeaveTheIdentityMapAlone(SessionFactory factory, StatementRecorder recorder) {
        Sale sale = sales(factory, "no-map", 1).get(0);

        inSession(factory, session -> session.rows(salesOf("no-map").project(SaleLine.class, "id", "status")).then(Mono.defer(() -> {
            recorder.reset();
            return session.get(Sale.class, sale.id);
        })));

        recorder.assertThat().hasStatementCount(1); // the get was not served from a projection
    }

    @Test
    void projectionsSeeTheSessionsPendingChangesThroughAutoflush(SessionFactory factory) {
        sales(factory, "autoflush", 2);

        Long count = inSession(factory, session -> {
            session.add(new Sale("autoflush", "NEW", BigDecimal.ONE, 1, null));
            return session.one(salesOf("autoflush").value(Long.class, count()));
        });

        assertThat(count).isEqualTo(3L);
    }

    @Test
    void aProjectionStreamsWithBackpressureAndACancelLeavesTheSessionUsable(SessionFactory factory) {
        sales(factory, "stream", 50);
        ReactiveSession session = factory.openSession();
        try {
            StepVerifier.create(session.rows(salesOf("stream").orderBy("id").value(Long.class, "id")), 0)
                    .thenRequest(3)
                    .expectNextCount(3)
                    .thenCancel()
                    .verify(TIMEOUT);
            StepVerifier.create(session.one(salesOf("stream").value(Long.class, count())))
                    .expectNext(50L)
                    .expectComplete()
                    .verify(TIMEOUT);
        } finally {
            session.close().block(TIMEOUT);
        }
    }

    @Test
    void badProjectionsFailAtTheCallBeforeAnySql(SessionFactory factory, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        recorder.reset();
        Projection<Long> sumOfText = salesOf("bad").value(Long.class, sum("status"));
        Projection<WrongTotal> wrongRecord =
                salesOf("bad").project(WrongTotal.class, property("status"), sum("amount")).groupBy("status");

        assertThatThrownBy(() -> session.rows(sumOfText))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sum(\"status\") needs a number, but Sale.status holds String values");
        assertThatThrownBy(() -> session.rows(wrongRecord))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("WrongTotal cannot hold the selected values [String status, BigDecimal sumAmount]:"
                        + " no selected value is named \"total\"");
        assertThatThrownBy(() -> session.rows(salesOf("bad").value(Long.class, "colour")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Sale has no property \"colour\"");
        recorder.assertThat().hasNoStatements();
        StepVerifier.create(session.one(salesOf("bad").value(Long.class, count()))).expectNext(0L).verifyComplete();
        session.close().block(TIMEOUT);
    }

    @Test
    void conditionsOnPropertiesMayUseValuesAndHavingOnGroupedProperties(SessionFactory factory) {
        sales(factory, "mixed", 8);

        List<String> statuses = inSession(factory, session -> session.rows(salesOf("mixed")
                        .where(Condition.ge("quantity", 2))
                        .value(String.class, "status")
                        .groupBy("status")
                        .having(Condition.ne("status", "NEW"))
                        .orderBy(Order.asc("status")))
                .collectList());

        assertThat(statuses).containsExactly("PAID", "RETURNED", "SHIPPED");
    }
}
