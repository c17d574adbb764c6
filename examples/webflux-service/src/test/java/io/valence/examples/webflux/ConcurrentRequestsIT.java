package io.valence.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.examples.webflux.ParentViews.ChildView;
import io.valence.examples.webflux.ParentViews.ParentView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Concurrent requests never share a session: twenty overlapping requests, each of which flushes and
 * then queries in its session, all succeed on a pool of four connections, and every row is stored
 * under the request that sent it. Had two requests shared a session, an operation of one would have
 * failed with {@code ConcurrentSessionUseException} while the other's was in flight (orm-spring's
 * {@code ValenceTransactionsIT} shows that for one session used by two operations at once).
 */
@RunningService
class ConcurrentRequestsIT {
    private static final int REQUESTS = 20;

    @Autowired
    private WebTestClient client;

    @Test
    void twentyOverlappingRequestsEachFlushAndReadBackInTheirOwnSession() throws Exception {
        String prefix = ParentsApiIT.unique("concurrent");

        List<ParentView> created = ConcurrentRequests.fire(REQUESTS, i -> client.post().uri("/parents")
                .bodyValue(Map.of("value", prefix + "-" + i, "children", List.of(i + "-a", i + "-b", i + "-c")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(ParentView.class).returnResult().getResponseBody());

        assertThat(created).hasSize(REQUESTS).allSatisfy(parent -> {
            String index = parent.value().substring(prefix.length() + 1);
            assertThat(parent.children()).extracting(ChildView::value)
                    .containsExactly(index + "-a", index + "-b", index + "-c");
        });
        assertThat(created.stream().map(ParentView::id).collect(Collectors.toSet())).hasSize(REQUESTS);

        List<ParentView> stored = client.get().uri(uri -> uri.path("/parents").queryParam("prefix", prefix).build())
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ParentView>>() {}).returnResult().getResponseBody();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(created);
    }
}
