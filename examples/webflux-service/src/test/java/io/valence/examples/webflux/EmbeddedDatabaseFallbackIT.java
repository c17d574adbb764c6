package io.valence.examples.webflux;

import io.valence.examples.webflux.DashboardController.Dashboard;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a new user gets from {@code spring-boot:run}: {@code main} without {@code spring.r2dbc.url}
 * starts the service on a fresh database of the embedded PostgreSQL, with its schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, useMainMethod = SpringBootTest.UseMainMethod.ALWAYS)
class EmbeddedDatabaseFallbackIT {
    @Autowired
    private WebTestClient client;

    @Test
    void mainStartsTheServiceOnAFreshEmbeddedDatabase() {
        client.put().uri("/tags/first").exchange().expectStatus().isCreated();

        client.get().uri("/dashboard")
                .exchange()
                .expectStatus().isOk()
                .expectBody(Dashboard.class)
                .isEqualTo(new Dashboard(0, 0, List.of()));
    }
}
