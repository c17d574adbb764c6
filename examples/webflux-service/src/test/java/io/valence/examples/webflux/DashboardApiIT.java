package io.valence.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.examples.webflux.DashboardController.Dashboard;
import io.valence.examples.webflux.DashboardController.ParentSummary;
import io.valence.examples.webflux.ParentViews.ParentView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** GET /dashboard: counts and the newest parents, read by three sessions of one fan-out. */
@RunningService
class DashboardApiIT {
    @Autowired
    private WebTestClient client;

    @Test
    void showsCountsAndTheNewestParentsReadInParallelSessions() {
        Dashboard before = dashboard();
        ParentView created = client.post().uri("/parents")
                .bodyValue(Map.of("value", ParentsApiIT.unique("dashboard"), "children", List.of("c1", "c2", "c3")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(ParentView.class).returnResult().getResponseBody();

        Dashboard after = dashboard();

        // Tests run one at a time: no other request writes between the two reads.
        assertThat(after.parents()).isEqualTo(before.parents() + 1);
        assertThat(after.children()).isEqualTo(before.children() + 3);
        assertThat(after.latestParents()).hasSizeLessThanOrEqualTo(5)
                .first().isEqualTo(new ParentSummary(created.id(), created.value()));
    }

    private Dashboard dashboard() {
        return client.get().uri("/dashboard")
                .exchange()
                .expectStatus().isOk()
                .expectBody(Dashboard.class).returnResult().getResponseBody();
    }
}
