package io.valence.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.examples.webflux.ParentViews.ChildView;
import io.valence.examples.webflux.ParentViews.ParentView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** POST /parents writes a parent with its children in one transaction; GET /parents reads them back eagerly. */
@RunningService
class ParentsApiIT {
    private static final ParameterizedTypeReference<List<ParentView>> PARENTS = new ParameterizedTypeReference<>() {};

    @Autowired
    private WebTestClient client;

    @Test
    void createsAParentWithItsChildrenAndAnswersWithTheirIds() {
        String value = unique("created");

        ParentView created = client.post().uri("/parents")
                .bodyValue(Map.of("value", value, "children", List.of("first", "second")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(ParentView.class).returnResult().getResponseBody();

        assertThat(created).isNotNull();
        assertThat(created.value()).isEqualTo(value);
        assertThat(created.children()).extracting(ChildView::value).containsExactly("first", "second");
        assertThat(created.children()).allSatisfy(child -> assertThat(child.id()).isPositive());
    }

    @Test
    void listsParentsNewestFirstWithTheirChildrenLoaded() {
        String prefix = unique("listed");
        client.post().uri("/parents").bodyValue(Map.of("value", prefix + "-a", "children", List.of("a1", "a2")))
                .exchange().expectStatus().isCreated();
        client.post().uri("/parents").bodyValue(Map.of("value", prefix + "-b", "children", List.of()))
                .exchange().expectStatus().isCreated();

        List<ParentView> listed = client.get().uri(uri -> uri.path("/parents").queryParam("prefix", prefix).build())
                .exchange()
                .expectStatus().isOk()
                .expectBody(PARENTS).returnResult().getResponseBody();

        assertThat(listed).extracting(ParentView::value).containsExactly(prefix + "-b", prefix + "-a");
        assertThat(listed.get(0).children()).isEmpty();
        assertThat(listed.get(1).children()).extracting(ChildView::value).containsExactly("a1", "a2");
    }

    @Test
    void treatsThePrefixLiterallyNotAsAPattern() {
        String prefix = unique("literal");
        client.post().uri("/parents").bodyValue(Map.of("value", prefix + "-x", "children", List.of()))
                .exchange().expectStatus().isCreated();

        client.get().uri(uri -> uri.path("/parents").queryParam("prefix", "%" + prefix).build())
                .exchange()
                .expectStatus().isOk()
                .expectBody(PARENTS).isEqualTo(List.of());
    }

    @Test
    void rejectsAChildWithoutAValueAndWritesNothing() {
        String value = unique("rejected");

        client.post().uri("/parents")
                .bodyValue(Map.of("value", value, "children", List.of("ok", " ")))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectBody(Problem.class)
                .isEqualTo(new Problem(400, "each of children must be 1 to 50 characters, was \" \""));

        client.get().uri(uri -> uri.path("/parents").queryParam("prefix", value).build())
                .exchange()
                .expectBody(PARENTS).isEqualTo(List.of());
    }

    @Test
    void rejectsALimitOutsideItsRange() {
        client.get().uri("/parents?limit=0")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(Problem.class)
                .isEqualTo(new Problem(400, "limit must be 1 to 500, was 0"));
    }

    @Test
    void answersFrameworkErrorsInTheSameProblemFormat() {
        assertThat(client.get().uri("/nowhere")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody(Problem.class).returnResult().getResponseBody().status()).isEqualTo(404);
        assertThat(client.delete().uri("/parents")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().contentType("application/problem+json")
                .expectBody(Problem.class).returnResult().getResponseBody().status()).isEqualTo(405);
        assertThat(client.post().uri("/parents").header("Content-Type", "application/json").bodyValue("{not json")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody(Problem.class).returnResult().getResponseBody().status()).isEqualTo(400);
    }

    static String unique(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
