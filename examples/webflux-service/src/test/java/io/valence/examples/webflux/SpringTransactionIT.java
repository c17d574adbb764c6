package io.valence.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.examples.webflux.TaggingService.Tagged;
import io.valence.examples.webflux.model.Tag;
import io.valence.examples.webflux.model.TagAudit;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One {@code @Transactional} handler writes through Valence and through {@code DatabaseClient}:
 * both writes commit together, the SQL read inside the method sees the row Valence flushed, and a
 * failure after both writes leaves neither in the database.
 */
@RunningService
class SpringTransactionIT {
    @Autowired
    private WebTestClient client;
    @Autowired
    private SessionFactory sessionFactory;

    @Test
    void bothWritesCommitTogetherAndTheSqlReadSawTheRowValenceFlushed() {
        String name = ParentsApiIT.unique("both");

        Tagged tagged = client.post().uri("/tags/{name}/audited", name)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Tagged.class).returnResult().getResponseBody();

        assertThat(tagged.seenBySql()).as("DatabaseClient's read inside the method saw Valence's flushed row").isEqualTo(1);
        assertThat(tags(name)).isEqualTo(1);
        assertThat(audits(name)).isEqualTo(1);
    }

    @Test
    void aFailureAfterBothWritesLeavesNeitherInTheDatabase() {
        String name = ParentsApiIT.unique("neither");

        client.post().uri("/tags/{name}/audited?failAfterwards=true", name)
                .exchange()
                .expectStatus().isBadRequest();

        assertThat(tags(name)).as("Valence's write").isZero();
        assertThat(audits(name)).as("DatabaseClient's write").isZero();
    }

    private long tags(String name) {
        return sessionFactory.withSession(session -> session.count(Select.from(Tag.class).filterBy("name", name)))
                .block(Duration.ofSeconds(30));
    }

    private long audits(String name) {
        return sessionFactory.withSession(session -> session.count(Select.from(TagAudit.class).filterBy("tagName", name)))
                .block(Duration.ofSeconds(30));
    }
}
