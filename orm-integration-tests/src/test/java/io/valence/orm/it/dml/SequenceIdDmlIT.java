package io.valence.orm.it.dml;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.query.Insert;
import io.valence.orm.reactive.GetOrCreate;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * DML and getOrCreate on an entity whose ids come from a sequence: the column has no default (the
 * flush draws ids itself), so statements that leave the id unset must draw one from the sequence,
 * and their ids never collide with the flush's.
 */
@ValenceTest(entities = {Ticket.class})
class SequenceIdDmlIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void insertedMapRowsDrawTheirIdsFromTheSequence(SessionFactory factory) {
        Mono<List<Long>> ids = factory.inTransaction(session -> session
                .execute(Insert.into(Ticket.class).values(Map.of("code", "seq-a")).values(Map.of("code", "seq-b")).returning())
                .map(ticket -> ticket.id)
                .collectList());
        StepVerifier.create(ids)
                .assertNext(drawn -> assertThat(drawn).hasSize(2).doesNotContainNull().doesNotHaveDuplicates())
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void entityRowWithoutIdDrawsOneAndNeverCollidesWithFlushedObjects(SessionFactory factory) {
        Mono<List<Long>> ids = factory.inTransaction(session -> {
            Ticket flushed = new Ticket("seq-flushed");
            session.add(flushed);
            return session.execute(Insert.into(Ticket.class).values(new Ticket("seq-entity")).returning())
                    .single()
                    .map(inserted -> List.of(flushed.id, inserted.id));
        });
        StepVerifier.create(ids)
                .assertNext(drawn -> assertThat(drawn).doesNotContainNull().doesNotHaveDuplicates())
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void getOrCreateCreatesARowWithASequenceId(SessionFactory factory) {
        Mono<GetOrCreate<Ticket>> created = factory.inTransaction(session ->
                session.getOrCreate(Ticket.class, Map.of("code", "seq-goc"), Map.of()));
        StepVerifier.create(created)
                .assertNext(got -> {
                    assertThat(got.created()).isTrue();
                    assertThat(got.entity().id).isNotNull();
                })
                .expectComplete()
                .verify(TIMEOUT);
    }
}
