package io.valence.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.examples.webflux.TagController.TagView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** PUT /tags/{name} is idempotent: 201 for the request that creates the tag, 200 for every other. */
@RunningService
class TagsApiIT {
    @Autowired
    private WebTestClient client;

    @Test
    void createsATagOnceAndFindsItAfterwards() {
        String name = ParentsApiIT.unique("tag");

        TagView created = client.put().uri("/tags/{name}", name)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(TagView.class).returnResult().getResponseBody();
        TagView found = client.put().uri("/tags/{name}", name)
                .exchange()
                .expectStatus().isOk()
                .expectBody(TagView.class).returnResult().getResponseBody();

        assertThat(created.created()).isTrue();
        assertThat(found).isEqualTo(new TagView(created.id(), name, false));
    }

    @Test
    void concurrentRequestsForOneNewNameCreateItExactlyOnce() throws Exception {
        String name = ParentsApiIT.unique("raced");

        List<EntityExchangeResult<TagView>> results = ConcurrentRequests.fire(10, i -> client.put()
                .uri("/tags/{name}", name)
                .exchange()
                .expectBody(TagView.class)
                .returnResult());

        assertThat(results).filteredOn(result -> result.getStatus().value() == 201).hasSize(1);
        assertThat(results).filteredOn(result -> result.getStatus().value() == 200).hasSize(9);
        assertThat(results).extracting(result -> result.getResponseBody().id()).containsOnly(
                results.get(0).getResponseBody().id());
    }

    @Test
    void rejectsANameLongerThanTheColumn() {
        client.put().uri("/tags/{name}", "x".repeat(51))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(Problem.class)
                .isEqualTo(new Problem(400, "a tag name must be 1 to 50 characters, was \"" + "x".repeat(51) + "\""));
    }
}
