package io.valence.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Valence's observations reach Spring Boot's metrics with no set-up beyond Actuator: one
 * {@code POST /parents} (a flush of a parent and its children, then a query of the children) leaves
 * a {@code valence.flush} timer and {@code valence.flush.statements} counter, and a
 * {@code valence.query} timer and {@code valence.query.statements} counter for the query.
 */
@RunningService
class ObservabilityIT {
    @Autowired
    private WebTestClient client;

    @Autowired
    private MeterRegistry meters;

    @Test
    void oneRequestLeavesFlushAndQueryMetersWithStatementCounts() {
        long flushes = timerCount("valence.flush");
        double flushStatements = counted("valence.flush.statements");
        long childQueries = timerCount("valence.query", "valence.entity", "Child", "valence.operation", "scalars");
        double queryStatements = counted("valence.query.statements", "valence.entity", "Child");

        client.post().uri("/parents")
                .bodyValue(Map.of("value", ParentsApiIT.unique("metered"), "children", List.of("a", "b", "c")))
                .exchange()
                .expectStatus().isCreated();

        assertThat(timerCount("valence.flush")).isEqualTo(flushes + 1);
        assertThat(counted("valence.flush.statements")).as("one INSERT for the parent, one for its three children")
                .isEqualTo(flushStatements + 2);
        assertThat(timerCount("valence.query", "valence.entity", "Child", "valence.operation", "scalars"))
                .isEqualTo(childQueries + 1);
        assertThat(counted("valence.query.statements", "valence.entity", "Child")).isEqualTo(queryStatements + 1);
        assertThat(meters.find("valence.session").tag("valence.work", "inTransaction").timers()).isNotEmpty();
        assertThat(meters.find("valence.commit").timers()).isNotEmpty();
    }

    @Test
    void listingEntitiesSerializesThemWithoutAnotherStatement() {
        String prefix = ParentsApiIT.unique("serialized");
        client.post().uri("/parents").bodyValue(Map.of("value", prefix, "children", List.of("x", "y")))
                .exchange()
                .expectStatus().isCreated();
        double statements = counted("valence.query.statements") + counted("valence.session.statements");

        String body = client.get().uri(uri -> uri.path("/parents").queryParam("prefix", prefix).build())
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).matches("\\[\\{\"id\":(\\d+),\"value\":\"" + prefix + "\",\"children\":\\["
                + "\\{\"id\":\\d+,\"value\":\"x\",\"parent\":\\{\"id\":\\1}},"
                + "\\{\"id\":\\d+,\"value\":\"y\",\"parent\":\\{\"id\":\\1}}]}]");
        assertThat(counted("valence.query.statements") + counted("valence.session.statements"))
                .as("the parents and their children (select-in), and nothing while writing the JSON")
                .isEqualTo(statements + 2);
    }

    private long timerCount(String name, String... tags) {
        return meters.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
    }

    private double counted(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }
}
