package io.valence.orm.it.concurrency;

import static io.valence.orm.it.concurrency.Marks.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.ConcurrentSessionUseException;
import io.valence.orm.query.Insert;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.HeldOperation;
import io.valence.orm.testkit.Race;
import io.valence.orm.testkit.ValenceTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** One operation at a time per session: the guard's messages, what it rejects, and what it must never reject. */
@ValenceTest(entities = Mark.class)
class ConcurrentSessionUseIT {
    private static final String ADVICE =
            " Use a separate session for each concurrent task, for example SessionFactory.fanOut(...).";

    @Test
    void zipOfTwoGetsOnAFreshSessionFailsBecauseTheSessionIsProvisioning(SessionFactory factory, ConnectionPool pool) {
        List<Long> ids = Marks.committedIds(factory, Marks.newBatch("zip"), 2);
        ReactiveSession session = factory.openSession();
        // Every pooled connection is held, so the first get is still provisioning when zip subscribes the
        // second, however the threads are scheduled (on a loaded machine the first could otherwise finish
        // acquiring in between, and the second would correctly meet the "busy" message instead).
        List<io.r2dbc.spi.Connection> held = reactor.core.publisher.Flux.range(0, pool.getMetrics().orElseThrow()
                        .getMaxAllocatedSize())
                .flatMap(i -> pool.create())
                .collectList()
                .block(TIMEOUT);
        try {
            StepVerifier.create(Mono.zip(session.get(Mark.class, ids.get(0)), session.get(Mark.class, ids.get(1))))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isExactlyInstanceOf(ConcurrentSessionUseException.class)
                            .hasMessage("This session is provisioning a new connection; concurrent operations are not"
                                    + " permitted." + ADVICE + " (get() was rejected.)"))
                    .verify(TIMEOUT);
        } finally {
            reactor.core.publisher.Flux.fromIterable(held).flatMap(io.r2dbc.spi.Connection::close).blockLast(TIMEOUT);
        }

        StepVerifier.create(session.get(Mark.class, ids.get(1)).map(mark -> mark.id).then(session.close()))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void secondOperationWhileAStreamIsHeldFailsWithTheBusyMessageAndTheStreamThenDeliversEveryRow(SessionFactory factory) {
        String batch = Marks.newBatch("held");
        List<Long> ids = Marks.committedIds(factory, batch, 5);
        ReactiveSession session = factory.openSession();

        HeldOperation<Mark> held = HeldOperation.hold(session.scalars(Select.from(Mark.class).filterBy("batch", batch)
                .orderBy("id")));
        assertThat(held.awaitFirst(TIMEOUT).id).isEqualTo(ids.get(0));

        StepVerifier.create(session.get(Mark.class, ids.get(4)))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isExactlyInstanceOf(ConcurrentSessionUseException.class)
                        .hasMessage("This session is busy with another operation (scalars()); concurrent operations"
                                + " are not permitted." + ADVICE + " (get() was rejected.)"))
                .verify(TIMEOUT);
        StepVerifier.create(session.flush())
                .expectErrorSatisfies(error -> assertThat(error)
                        .isExactlyInstanceOf(ConcurrentSessionUseException.class)
                        .hasMessageContaining("busy with another operation (scalars())")
                        .hasMessageContaining("flush() was rejected"))
                .verify(TIMEOUT);

        assertThat(held.release(TIMEOUT)).extracting(mark -> mark.id).containsExactlyElementsOf(ids);
        StepVerifier.create(session.get(Mark.class, ids.get(4)).map(mark -> mark.id).flatMap(id -> session.close().thenReturn(id)))
                .expectNext(ids.get(4))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void bookkeepingCallsWhileAnOperationIsInFlightAreRejected(SessionFactory factory) {
        String batch = Marks.newBatch("bookkeeping");
        List<Long> ids = Marks.committedIds(factory, batch, 3);
        ReactiveSession session = factory.openSession();
        Mark loaded = session.get(Mark.class, ids.get(0)).block(TIMEOUT);
        HeldOperation<Mark> held = HeldOperation.hold(session.scalars(Select.from(Mark.class).filterBy("batch", batch)));
        held.awaitFirst(TIMEOUT);

        Map<String, Consumer<ReactiveSession>> calls = new HashMap<>();
        calls.put("add()", s -> s.add(new Mark(batch, 9)));
        calls.put("addAll()", s -> s.addAll(List.of(new Mark(batch, 9))));
        calls.put("delete()", s -> s.delete(loaded));
        calls.put("expunge()", s -> s.expunge(loaded));
        calls.put("expire()", s -> s.expire(loaded));
        calls.forEach((name, call) -> assertThatThrownBy(() -> call.accept(session))
                .as(name)
                .isExactlyInstanceOf(ConcurrentSessionUseException.class)
                .hasMessage("This session is busy with another operation (scalars()); concurrent operations are not"
                        + " permitted." + ADVICE + " (" + name + " was rejected.)"));

        held.release(TIMEOUT);
        session.add(new Mark(batch, 10));
        session.expire(loaded);
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
        assertThat(Marks.committed(factory, batch)).containsEntry(10, 1);
    }

    @Test
    void sequentialChainsThatReachTheDatabaseAtEveryStepAreNeverRejected(SessionFactory factory) {
        String batch = Marks.newBatch("chain");
        List<Long> ids = Marks.committedIds(factory, batch, 3);
        Select<Mark> all = Select.from(Mark.class).filterBy("batch", batch).orderBy("id");

        Mono<Long> chain = factory.withSession(session -> session.get(Mark.class, ids.get(0))
                .flatMap(first -> session.get(Mark.class, ids.get(1)))
                .publishOn(Schedulers.parallel())
                .flatMap(second -> session.scalars(all).collectList())
                .flatMap(rows -> {
                    rows.forEach(session::expire);
                    session.add(new Mark(batch, 7));
                    return session.one(Select.from(Mark.class).filterBy("id", ids.get(2)));
                })
                .flatMap(third -> session.count(all))
                .flatMap(count -> session.execute(Insert.into(Mark.class).values(Map.of("batch", batch, "owner", 8))
                                .returning())
                        .collectList())
                .publishOn(Schedulers.boundedElastic())
                .flatMap(inserted -> session.flush().then(session.scalars(all).count()))
                .flatMap(count -> session.commit().thenReturn(count)));

        StepVerifier.create(chain).expectNext(5L).expectComplete().verify(TIMEOUT);
        assertThat(Marks.committed(factory, batch)).containsEntry(7, 1).containsEntry(8, 1);
    }

    @Test
    void raceOfTwoOperationsAThousandTimesEitherSucceedsOrFailsWithConcurrentSessionUse(
            SessionFactory factory, ConnectionPool pool) {
        String batch = Marks.newBatch("race");
        List<Long> ids = Marks.committedIds(factory, batch, 2);
        Select<Mark> byBatch = Select.from(Mark.class).filterBy("batch", batch);
        int rejected = 0;
        for (int round = 0; round < 10; round++) {
            ReactiveSession session = factory.openSession();
            Map<Long, Mark> instances = new HashMap<>();
            for (int run = 0; run < 100; run++) {
                List<Publisher<?>> contenders = contenders(session, ids, byBatch, run);
                for (Race.Outcome outcome : Race.run(TIMEOUT, contenders)) {
                    if (!outcome.isSuccess()) {
                        assertThat(outcome.error()).isExactlyInstanceOf(ConcurrentSessionUseException.class);
                        rejected++;
                        continue;
                    }
                    for (Object value : outcome.values()) {
                        List<?> marks = value instanceof List<?> list ? list : List.of(value);
                        for (Object each : marks) {
                            if (each instanceof Mark mark) {
                                assertThat(instances.computeIfAbsent(mark.id, id -> mark))
                                        .as("one row is one object in the session").isSameAs(mark);
                            }
                        }
                    }
                }
            }
            Mark first = session.get(Mark.class, ids.get(0)).block(TIMEOUT);
            assertThat(session.contains(first)).isTrue();
            assertThat(first).isSameAs(instances.getOrDefault(ids.get(0), first));
            StepVerifier.create(session.count(byBatch).flatMap(count -> session.close().thenReturn(count)))
                    .expectNext(2L).expectComplete().verify(TIMEOUT);
            Marks.assertNoneAcquired(pool);
        }
        assertThat(rejected).as("runs in which the two operations really overlapped").isPositive();
        StepVerifier.create(factory.withSession(session -> session.count(byBatch))).expectNext(2L).expectComplete()
                .verify(TIMEOUT);
    }

    /** Two operations that both reach the database (or the identity map), on threads or on parallel workers. */
    private static List<Publisher<?>> contenders(ReactiveSession session, List<Long> ids, Select<Mark> byBatch, int run) {
        Publisher<?> first = switch (run % 3) {
            case 0 -> session.get(Mark.class, ids.get(0));
            case 1 -> session.one(Select.from(Mark.class).filterBy("id", ids.get(0)));
            default -> session.scalars(byBatch).collectList();
        };
        Publisher<?> second = switch (run % 3) {
            case 0 -> session.oneOrNone(Select.from(Mark.class).filterBy("id", ids.get(1)));
            case 1 -> session.count(byBatch);
            default -> session.get(Mark.class, ids.get(1));
        };
        if (run % 2 == 1) {
            return List.of(Mono.from(first).subscribeOn(Schedulers.parallel()),
                    Mono.from(second).subscribeOn(Schedulers.parallel()));
        }
        return List.of(first, second);
    }

    @Test
    void commitRacingAFlushLeavesEachEitherDoneOrRejectedAndTheRowCommittedExactlyWhenTheCommitRan(SessionFactory factory) {
        String batch = Marks.newBatch("undisturbed");
        Map<Integer, Integer> expected = new HashMap<>();
        for (int run = 0; run < 20; run++) {
            ReactiveSession session = factory.openSession();
            session.add(new Mark(batch, run));

            List<Race.Outcome> outcomes = Race.run(TIMEOUT, session.commit(), session.flush());
            StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);

            assertThat(outcomes).filteredOn(outcome -> !outcome.isSuccess()).hasSizeLessThanOrEqualTo(1)
                    .allSatisfy(outcome -> assertThat(outcome.error())
                            .isExactlyInstanceOf(ConcurrentSessionUseException.class));
            if (outcomes.get(0).isSuccess()) {
                expected.put(run, 1);
            }
        }
        assertThat(Marks.committed(factory, batch)).isEqualTo(expected);
    }
}
