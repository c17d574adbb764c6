package io.valence.orm.it.dml;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.ConstraintViolationException;
import io.valence.orm.PendingRollbackException;
import io.valence.orm.it.model.Storage;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Insert;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * {@code session.nested(work)}: work inside a SAVEPOINT, released on success, rolled back to on
 * failure without poisoning the outer transaction or the session's other work. Each test works on
 * keys with a prefix of its own: the class shares one database.
 */
@ValenceTest(entities = {Storage.class})
class SavepointIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static Long store(SessionFactory factory, String key, String value) {
        return factory.inTransaction(session -> {
            Storage storage = new Storage(key, value);
            session.add(storage);
            return session.flush().then(Mono.fromSupplier(() -> storage.id));
        }).block(TIMEOUT);
    }

    private static Mono<List<String>> valuesInNewSession(SessionFactory factory, String prefix) {
        return factory.withSession(session -> session
                .scalars(Select.from(Storage.class).where(Condition.like("key", prefix + "%")).orderBy("key"))
                .map(storage -> storage.key + "=" + storage.value)
                .collectList());
    }

    @Test
    void nestedWorkThatSucceedsIsReleasedAndKeptAtCommit(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        Mono<String> result = factory.inTransaction(session -> session.nested(nested -> {
            nested.add(new Storage("ok-inner", "kept"));
            return Mono.just("result");
        }));
        StepVerifier.create(result).expectNext("result").expectComplete().verify(TIMEOUT);
        List<String> sql = recorder.statements().stream().map(RecordedStatement::sql).toList();
        assertThat(sql).filteredOn(text -> text.startsWith("SAVEPOINT")).hasSize(1);
        assertThat(sql).filteredOn(text -> text.startsWith("RELEASE SAVEPOINT")).hasSize(1);
        assertThat(sql).noneMatch(text -> text.startsWith("ROLLBACK TO SAVEPOINT"));
        StepVerifier.create(valuesInNewSession(factory, "ok-")).expectNext(List.of("ok-inner=kept")).expectComplete().verify(TIMEOUT);
    }

    @Test
    void nestedWorkThatCompletesEmptyIsReleasedToo(SessionFactory factory) {
        Mono<Boolean> empty = factory.inTransaction(session -> session.nested(nested -> {
                    nested.add(new Storage("empty-inner", "kept"));
                    return Mono.<String>empty();
                })
                .hasElement());
        StepVerifier.create(empty).expectNext(false).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valuesInNewSession(factory, "empty-")).expectNext(List.of("empty-inner=kept"))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void uniqueViolationInsideNestedRollsBackOnlyThatPartAndTheOuterCommitKeepsTheRest(
            SessionFactory factory, StatementRecorder recorder) {
        store(factory, "part-taken", "original");
        Long dirtyId = store(factory, "part-dirty", "original");
        AtomicReference<Throwable> nestedError = new AtomicReference<>();
        Mono<List<Boolean>> contained = factory.inTransaction(session -> session.get(Storage.class, dirtyId).flatMap(dirty -> {
            Storage before = new Storage("part-outer-before", "outer");
            session.add(before);
            dirty.value = "changed-outside";
            Storage inner = new Storage("part-inner", "inner");
            Storage duplicate = new Storage("part-taken", "duplicate");
            recorder.reset();
            return session.nested(nested -> {
                        nested.add(inner);
                        nested.add(duplicate);
                        return nested.flush();
                    })
                    .onErrorResume(error -> {
                        nestedError.set(error);
                        return Mono.empty();
                    })
                    .then(Mono.fromSupplier(() -> {
                        session.add(new Storage("part-outer-after", "outer"));
                        return List.of(session.contains(before), session.contains(inner), session.contains(duplicate));
                    }));
        }));
        StepVerifier.create(contained).expectNext(List.of(true, false, false)).expectComplete().verify(TIMEOUT);
        assertThat(nestedError.get()).isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("populate_existing_storage_key_key");
        assertThat(recorder.statements()).extracting(RecordedStatement::sql)
                .anyMatch(text -> text.startsWith("ROLLBACK TO SAVEPOINT"));
        StepVerifier.create(valuesInNewSession(factory, "part-"))
                .expectNext(List.of("part-dirty=changed-outside", "part-outer-after=outer", "part-outer-before=outer",
                        "part-taken=original"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void sessionIsUsableRightAfterAFailedNestedFlush(SessionFactory factory) {
        store(factory, "usable-taken", "original");
        ReactiveSession session = factory.openSession();
        try {
            StepVerifier.create(session.nested(nested -> {
                        nested.add(new Storage("usable-taken", "duplicate"));
                        return nested.flush();
                    }))
                    .expectError(ConstraintViolationException.class)
                    .verify(TIMEOUT);
            StepVerifier.create(session.count(Select.from(Storage.class).filterBy("key", "usable-taken")))
                    .expectNext(1L)
                    .expectComplete()
                    .verify(TIMEOUT);
            session.add(new Storage("usable-after", "committed"));
            StepVerifier.create(session.commit()).expectComplete().verify(TIMEOUT);
        } finally {
            session.close().block(TIMEOUT);
        }
        StepVerifier.create(valuesInNewSession(factory, "usable-"))
                .expectNext(List.of("usable-after=committed", "usable-taken=original"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void objectAddedInsideNestedWorkThatFailsLeavesTheSessionAndIsNeverWritten(SessionFactory factory) {
        Storage inner = new Storage("thrown-inner", "never");
        Mono<Boolean> contained = factory.inTransaction(session -> session.nested(nested -> {
                    nested.add(inner);
                    return Mono.error(new IllegalStateException("the work failed"));
                })
                .onErrorResume(IllegalStateException.class, error -> Mono.empty())
                .then(Mono.fromSupplier(() -> session.contains(inner))));
        StepVerifier.create(contained).expectNext(false).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valuesInNewSession(factory, "thrown-")).expectNext(List.of()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void errorOfTheNestedWorkReachesTheCallerUnchanged(SessionFactory factory) {
        IllegalStateException failure = new IllegalStateException("the work failed");
        Mono<Object> result = factory.withSession(session -> session.nested(nested -> Mono.error(failure)));
        StepVerifier.create(result).expectErrorMatches(error -> error == failure).verify(TIMEOUT);
    }

    @Test
    void changeToALoadedObjectFlushedInsideAFailedNestedIsUndone(SessionFactory factory) {
        Long id = store(factory, "undo-a", "original");
        Mono<String> reloaded = factory.inTransaction(session -> session.get(Storage.class, id).flatMap(loaded -> session
                .nested(nested -> {
                    loaded.value = "changed-inside";
                    return nested.flush().then(Mono.error(new IllegalStateException("the work failed")));
                })
                .onErrorResume(IllegalStateException.class, error -> Mono.empty())
                .then(session.get(Storage.class, id))
                .map(storage -> storage == loaded ? storage.value : "another instance")));
        StepVerifier.create(reloaded).expectNext("original").expectComplete().verify(TIMEOUT);
        StepVerifier.create(valuesInNewSession(factory, "undo-")).expectNext(List.of("undo-a=original")).expectComplete().verify(TIMEOUT);
    }

    @Test
    void unflushedChangeInsideAFailedNestedIsNotWrittenAtCommit(SessionFactory factory) {
        Long id = store(factory, "unflushed-a", "original");
        Mono<Void> work = factory.inTransaction(session -> session.get(Storage.class, id).flatMap(loaded -> session
                .nested(nested -> {
                    loaded.value = "changed-inside";
                    return Mono.error(new IllegalStateException("the work failed"));
                })
                .onErrorResume(IllegalStateException.class, error -> Mono.empty())
                .then()));
        StepVerifier.create(work).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valuesInNewSession(factory, "unflushed-")).expectNext(List.of("unflushed-a=original"))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void failedInnerNestedUndoesOnlyItselfInsideASucceedingOuterNested(SessionFactory factory) {
        Mono<List<String>> result = factory.inTransaction(session -> session.nested(outer -> {
            outer.add(new Storage("levels-outer", "kept"));
            return outer.nested(inner -> {
                        inner.add(new Storage("levels-inner", "undone"));
                        return inner.flush().then(Mono.error(new IllegalStateException("inner failed")));
                    })
                    .onErrorResume(IllegalStateException.class, error -> Mono.empty())
                    .then(Mono.just(List.of("outer done")));
        }));
        StepVerifier.create(result).expectNext(List.of("outer done")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valuesInNewSession(factory, "levels-")).expectNext(List.of("levels-outer=kept"))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void workThatSwallowsADatabaseErrorStillFailsNestedAndTheOuterWorkSurvives(SessionFactory factory) {
        store(factory, "swallow-taken", "original");
        Mono<Void> work = factory.inTransaction(session -> {
            session.add(new Storage("swallow-outer", "kept"));
            return session.nested(nested -> {
                        nested.add(new Storage("swallow-taken", "duplicate"));
                        return nested.flush().onErrorResume(ConstraintViolationException.class, error -> Mono.empty());
                    })
                    .then(Mono.<Void>error(new AssertionError("nested() completed although its transaction part failed")))
                    .onErrorResume(PendingRollbackException.class, error -> {
                        assertThat(error).hasMessageContaining("nested()");
                        return Mono.empty();
                    });
        });
        StepVerifier.create(work).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valuesInNewSession(factory, "swallow-"))
                .expectNext(List.of("swallow-outer=kept", "swallow-taken=original"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void rowCreatedByGetOrCreateInsideAFailedNestedLeavesTheSession(SessionFactory factory) {
        AtomicReference<Storage> created = new AtomicReference<>();
        Mono<Boolean> contained = factory.inTransaction(session -> session.nested(nested -> nested
                        .getOrCreate(Storage.class, Map.of("key", "goc-nested"), Map.of("value", "undone"))
                        .doOnNext(got -> created.set(got.entity()))
                        .then(Mono.error(new IllegalStateException("the work failed"))))
                .onErrorResume(IllegalStateException.class, error -> Mono.empty())
                .then(Mono.fromSupplier(() -> session.contains(created.get()))));
        StepVerifier.create(contained).expectNext(false).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valuesInNewSession(factory, "goc-nested")).expectNext(List.of()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void rowInsertedByExecuteInsideAFailedNestedLeavesTheSession(SessionFactory factory) {
        AtomicReference<Storage> inserted = new AtomicReference<>();
        Mono<Boolean> contained = factory.inTransaction(session -> session.nested(nested -> nested
                        .execute(Insert.into(Storage.class).values(Map.of("key", "dml-nested", "value", "undone")).returning())
                        .doOnNext(inserted::set)
                        .then(Mono.error(new IllegalStateException("the work failed"))))
                .onErrorResume(IllegalStateException.class, error -> Mono.empty())
                .then(Mono.fromSupplier(() -> session.contains(inserted.get()))));
        StepVerifier.create(contained).expectNext(false).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valuesInNewSession(factory, "dml-nested")).expectNext(List.of()).expectComplete().verify(TIMEOUT);
    }
}
