package io.valence.orm.it.dml;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.it.model.Storage;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The acceptance race: 16 sessions, each in its own transaction on its own connection, run
 * getOrCreate on one lookup at the same time, 50 rounds with a new lookup each. Every round must
 * leave one row, exactly one creator, and every session holding that row's id; both with a lookup
 * a unique constraint covers (ON CONFLICT DO NOTHING) and one none covers (advisory lock).
 */
@ValenceTest(entities = {Storage.class, Label.class, Parent.class, Child.class}, maxPoolSize = 17)
class GetOrCreateRaceIT {
    private static final int SESSIONS = 16;
    private static final int ROUNDS = 50;
    private static final int OWNER_ROUNDS = 10;
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(10);

    /** One racer's outcome: the id it got and whether it created the row. */
    private record Outcome(Long id, boolean created) {}

    @Test
    void sixteenSessionsRacingOnAUniqueKeyCreateOneRowPerRound(SessionFactory factory) {
        race(factory, "unique", (session, key) -> session
                        .getOrCreate(Storage.class, Map.of("key", key), Map.of("value", "v"))
                        .map(got -> new Outcome(got.entity().id, got.created())),
                key -> Select.from(Storage.class).filterBy("key", key));
    }

    @Test
    void sixteenSessionsRacingOnALookupNoUniqueConstraintCoversCreateOneRowPerRound(SessionFactory factory) {
        race(factory, "locked", (session, name) -> session
                        .getOrCreate(Label.class, Map.of("name", name), Map.of("colour", "c"))
                        .map(got -> new Outcome(got.entity().id, got.created())),
                name -> Select.from(Label.class).filterBy("name", name));
    }

    @Test
    void sessionsHoldingTheirOwnInstancesOfOneOwnerTakeTheSameLock(SessionFactory factory) {
        Long ownerId = factory.inTransaction(session -> {
            Parent owner = new Parent("race-owner");
            session.add(owner);
            return session.flush().then(Mono.fromSupplier(() -> owner.id));
        }).block(ROUND_TIMEOUT);
        race(factory, "owned", OWNER_ROUNDS, (session, name) -> session.get(Parent.class, ownerId)
                        .flatMap(owner -> session.getOrCreate(Label.class, Map.of("owner", owner, "name", name), Map.of()))
                        .map(got -> new Outcome(got.entity().id, got.created())),
                name -> Select.from(Label.class).filterBy("name", name));
    }

    private static void race(SessionFactory factory, String prefix,
            BiFunction<ReactiveSession, String, Mono<Outcome>> getOrCreate, Function<String, Select<?>> rowsOf) {
        race(factory, prefix, ROUNDS, getOrCreate, rowsOf);
    }

    private static void race(SessionFactory factory, String prefix, int rounds,
            BiFunction<ReactiveSession, String, Mono<Outcome>> getOrCreate, Function<String, Select<?>> rowsOf) {
        for (int round = 0; round < rounds; round++) {
            String lookup = prefix + "-" + round;
            Mono<List<Outcome>> outcomes = Flux.range(0, SESSIONS)
                    .flatMap(racer -> factory.inTransaction(session -> getOrCreate.apply(session, lookup)), SESSIONS)
                    .collectList();
            String where = "round " + round;
            StepVerifier.create(outcomes)
                    .assertNext(results -> {
                        assertThat(results).as(where).hasSize(SESSIONS);
                        assertThat(results).as(where + ": creators").filteredOn(Outcome::created).hasSize(1);
                        assertThat(results).as(where + ": ids").extracting(Outcome::id).doesNotContainNull()
                                .containsOnly(results.get(0).id());
                    })
                    .expectComplete()
                    .verify(ROUND_TIMEOUT);
            StepVerifier.create(factory.withSession(session -> session.count(rowsOf.apply(lookup))))
                    .as(where + ": rows")
                    .expectNext(1L)
                    .expectComplete()
                    .verify(ROUND_TIMEOUT);
        }
    }
}
