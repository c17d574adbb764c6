package io.valence.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.valence.orm.testkit.StatementRecorder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The shop on its mapped superclass, through the HTTP API: the entities are the responses, a create
 * answers exactly what a later read answers (ids, versions, timestamps in microseconds, amounts with
 * two decimals), an address change updates only the columns that changed, and each request takes a
 * fixed number of statements (recorded on the driver's connection factory, under Spring Boot's pool;
 * transaction control not counted). This class has its own application context and database.
 */
@RunningService
@Import(ShopApiIT.RecordedStatements.class)
class ShopApiIT {
    @Autowired
    private WebTestClient client;

    @Autowired
    private StatementRecorder recorder;

    @Autowired
    private ObjectMapper json;

    /** Records the statements of every pooled connection: Spring Boot applies the decorator to the driver's factory. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RecordedStatements {
        @Bean
        StatementRecorder statementRecorder() {
            return StatementRecorder.create();
        }

        @Bean
        ConnectionFactoryDecorator recordingConnectionFactory(StatementRecorder recorder) {
            return recorder::wrap;
        }
    }

    @Test
    void createsACustomerWithOneInsertAndAnswersWhatALaterReadAnswers() throws Exception {
        recorder.reset();

        String created = post("/customers", newCustomer("Ada"), 201);

        recorder.assertThat().hasStatementCount(1).inserts().hasStatementCount(1);
        JsonNode customer = json.readTree(created);
        assertThat(UUID.fromString(customer.get("id").asText()).version()).as("a time-ordered UUID").isEqualTo(7);
        assertThat(customer.get("version").asLong()).isZero();
        assertThat(customer.get("name").asText()).isEqualTo("Ada");
        assertThat(customer.get("address").get("city").asText()).isEqualTo("Paris");
        assertThat(customer.get("preferences").get("extras").get("lang").asText()).isEqualTo("fr");
        assertThat(customer.get("tags")).extracting(JsonNode::asText).containsExactly("vip", "early");
        assertThat(customer.get("createdAt")).as("set by @PrePersist").isEqualTo(customer.get("updatedAt"));
        assertThat(Instant.parse(customer.get("createdAt").asText()).getNano() % 1_000)
                .as("PostgreSQL's microsecond precision").isZero();
        assertThat(get("/customers/" + customer.get("id").asText())).isEqualTo(created);
    }

    @Test
    void placesAnOrderWithItsLinesInOneInsertPerTableAndReadsItBackEagerlyInTwoStatements() throws Exception {
        String customerId = json.readTree(post("/customers", newCustomer("Grace"), 201)).get("id").asText();
        recorder.reset();

        String placed = post("/customers/" + customerId + "/orders", Map.of("lines", List.of(
                Map.of("sku", "sku-1", "quantity", 2, "unitPrice", 12.5),
                Map.of("sku", "sku-2", "quantity", 1, "unitPrice", 9.9))), 201);

        recorder.assertThat().hasStatementCount(3); // the customer's SELECT, then one INSERT per table
        recorder.assertThat().inserts().hasStatementCount(2);
        JsonNode order = json.readTree(placed);
        String orderId = order.get("id").asText();
        assertThat(placed).as("Money with the column's two decimals")
                .contains("\"total\":{\"amount\":34.90}")
                .contains("\"unitPrice\":{\"amount\":12.50}")
                .contains("\"unitPrice\":{\"amount\":9.90}");
        assertThat(order.get("customer").get("id").asText()).isEqualTo(customerId);
        assertThat(order.get("customer").get("name").asText()).isEqualTo("Grace");
        assertThat(order.get("lines")).extracting(line -> line.get("sku").asText()).containsExactly("sku-1", "sku-2");
        assertThat(order.get("lines")).extracting(line -> line.get("position").asInt()).containsExactly(1, 2);
        assertThat(order.get("lines")).extracting(line -> line.get("order").toString())
                .as("the order the lines belong to, already written above: a reference")
                .containsOnly("{\"id\":\"" + orderId + "\"}");

        recorder.reset();
        String read = get("/orders/" + orderId);

        recorder.assertThat().hasStatementCount(2).selects().hasStatementCount(2); // joined customer, select-in lines
        assertThat(read).isEqualTo(placed);
    }

    @Test
    void movingACustomerUpdatesOnlyTheChangedColumnAndTheAuditColumns() throws Exception {
        String created = post("/customers", newCustomer("Alan"), 201);
        String id = json.readTree(created).get("id").asText();
        recorder.reset();

        String moved = put("/customers/" + id + "/address",
                Map.of("street", "1 Rue de la Paix", "city", "Lyon", "postalCode", "75002"));

        recorder.assertThat().hasStatementCount(2); // the SELECT, then the UPDATE
        recorder.assertThat().updates().singleElement().setsOnly("city", "updated_at", "version");
        JsonNode customer = json.readTree(moved);
        assertThat(customer.get("address").get("city").asText()).isEqualTo("Lyon");
        assertThat(customer.get("version").asLong()).isEqualTo(1);
        assertThat(Instant.parse(customer.get("updatedAt").asText()))
                .as("set by @PreUpdate").isAfter(Instant.parse(customer.get("createdAt").asText()));
        assertThat(customer.get("createdAt")).isEqualTo(json.readTree(created).get("createdAt"));
        assertThat(get("/customers/" + id)).isEqualTo(moved);
    }

    @Test
    void answersNotFoundForAnUnknownOrderAndRejectsAnOrderWithoutLines() throws Exception {
        String customerId = json.readTree(post("/customers", newCustomer("Edsger"), 201)).get("id").asText();
        UUID unknown = UUID.randomUUID();

        client.get().uri("/orders/{id}", unknown)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody(Problem.class).isEqualTo(new Problem(404, "There is no order " + unknown + "."));
        client.post().uri("/customers/{id}/orders", customerId)
                .bodyValue(Map.of("lines", List.of()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(Problem.class).isEqualTo(new Problem(400, "an order needs at least one line"));
        client.post().uri("/customers/{id}/orders", customerId)
                .bodyValue(Map.of("lines", List.of(Map.of("sku", "sku-1", "quantity", 1, "unitPrice", 1.005))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(Problem.class).isEqualTo(new Problem(400, "an amount has at most two decimals, was 1.005"));
    }

    private static Map<String, Object> newCustomer(String name) {
        return Map.of(
                "name", name,
                "address", Map.of("street", "1 Rue de la Paix", "city", "Paris", "postalCode", "75002"),
                "preferences", Map.of("newsletter", true, "theme", "dark", "extras", Map.of("lang", "fr")),
                "tags", List.of("vip", "early"));
    }

    private String post(String path, Object body, int status) {
        return client.post().uri(path).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String put(String path, Object body) {
        return client.put().uri(path).bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String get(String path) {
        return client.get().uri(path)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
