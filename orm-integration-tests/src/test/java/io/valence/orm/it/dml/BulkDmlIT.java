package io.valence.orm.it.dml;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.ConstraintViolationException;
import io.valence.orm.PendingRollbackException;
import io.valence.orm.it.model.Storage;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Delete;
import io.valence.orm.query.Select;
import io.valence.orm.query.Update;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Bulk {@link Update} and {@link Delete} through {@code session.execute}: the rows they touch keep
 * the session true (SQLAlchemy's synchronize_session), unless the statement opts out. Each test
 * works on keys with a prefix of its own: the class shares one database.
 */
@ValenceTest(entities = {Storage.class})
class BulkDmlIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static List<Long> store(SessionFactory factory, String... keys) {
        return factory.inTransaction(session -> {
            List<Storage> rows = java.util.Arrays.stream(keys).map(key -> new Storage(key, "old-value")).toList();
            session.addAll(rows);
            return session.flush().then(Mono.fromSupplier(() -> rows.stream().map(storage -> storage.id).toList()));
        }).block(TIMEOUT);
    }

    private static Condition prefixed(String prefix) {
        return Condition.like("key", prefix + "%");
    }

    private static Mono<List<Storage>> loadPrefixed(ReactiveSession session, String prefix) {
        return session.scalars(Select.from(Storage.class).where(prefixed(prefix)).orderBy("key")).collectList();
    }

    private static List<String> describe(List<Storage> rows) {
        return rows.stream().map(storage -> storage.key + "=" + storage.value).toList();
    }

    private static Mono<List<String>> valuesInNewSession(SessionFactory factory, String prefix) {
        return factory.withSession(session -> loadPrefixed(session, prefix).map(BulkDmlIT::describe));
    }

    private static List<RecordedStatement> withoutTransactionControl(StatementRecorder recorder) {
        return recorder.statements().stream().filter(statement -> statement.kind() != StatementKind.TRANSACTION).toList();
    }

    @Test
    void bulkUpdateRefreshesTheInstancesTheSessionHolds(SessionFactory factory) {
        store(factory, "upd-a", "upd-b", "upd-c");
        Mono<List<String>> seen = factory.inTransaction(session -> loadPrefixed(session, "upd-").flatMap(loaded -> session
                .execute(Update.of(Storage.class).set("value", "bulk").where(Condition.in("key", "upd-a", "upd-b")))
                .then(Mono.fromSupplier(() -> describe(loaded)))));
        List<String> expected = List.of("upd-a=bulk", "upd-b=bulk", "upd-c=old-value");
        StepVerifier.create(seen).expectNext(expected).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valuesInNewSession(factory, "upd-")).expectNext(expected).expectComplete().verify(TIMEOUT);
    }

    @Test
    void bulkUpdateWithReturningEmitsTheSessionsOwnInstances(SessionFactory factory) {
        store(factory, "ret-a", "ret-b");
        Mono<Boolean> checked = factory.inTransaction(session -> session.one(Select.from(Storage.class).filterBy("key", "ret-a"))
                .flatMap(loaded -> session
                        .execute(Update.of(Storage.class).set("value", "returned").where(prefixed("ret-")).returning())
                        .collectList()
                        .map(rows -> {
                            assertThat(describe(rows)).containsExactlyInAnyOrder("ret-a=returned", "ret-b=returned");
                            assertThat(rows).contains(loaded);
                            return rows.stream().allMatch(session::contains);
                        })));
        StepVerifier.create(checked).expectNext(true).expectComplete().verify(TIMEOUT);
    }

    @Test
    void bulkUpdateWithoutReturningDoesNotLoadRowsTheSessionDidNotHold(SessionFactory factory, StatementRecorder recorder) {
        Long id = store(factory, "lazy-a").get(0);
        Mono<String> value = factory.inTransaction(session -> session
                .execute(Update.of(Storage.class).set("value", "bulk").where(prefixed("lazy-")))
                .then(Mono.fromRunnable(recorder::reset))
                .then(session.get(Storage.class, id))
                .map(storage -> storage.value));
        StepVerifier.create(value).expectNext("bulk").expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1).selects().singleElement().sqlContains("populate_existing_storage");
    }

    @Test
    void changeMadeBeforeABulkUpdateIsFlushedFirstSoTheUpdateSeesIt(SessionFactory factory, StatementRecorder recorder) {
        store(factory, "dirty-a", "dirty-b");
        Mono<List<String>> seen = factory.inTransaction(session -> loadPrefixed(session, "dirty-").flatMap(loaded -> {
            loaded.get(0).value = "dirty";
            recorder.reset();
            return session.execute(Update.of(Storage.class).set("value", "saw-dirty").where(prefixed("dirty-"))
                            .filterBy("value", "dirty"))
                    .then(Mono.fromSupplier(() -> describe(loaded)));
        }));
        StepVerifier.create(seen).expectNext(List.of("dirty-a=saw-dirty", "dirty-b=old-value")).expectComplete().verify(TIMEOUT);
        List<RecordedStatement> writes = withoutTransactionControl(recorder);
        assertThat(writes).extracting(RecordedStatement::kind).containsExactly(StatementKind.UPDATE, StatementKind.UPDATE);
        assertThat(writes.get(0).sql()).as("the flush of the change").doesNotContain("LIKE");
        assertThat(writes.get(1).sql()).as("the bulk update").contains("LIKE");
    }

    @Test
    void optingOutOfSynchronizationLeavesUpdatedInstancesStale(SessionFactory factory, StatementRecorder recorder) {
        store(factory, "uopt-a");
        Mono<String> seen = factory.inTransaction(session -> loadPrefixed(session, "uopt-").flatMap(loaded -> {
            recorder.reset();
            return session.execute(Update.of(Storage.class).set("value", "new-value").where(prefixed("uopt-"))
                            .synchronizeSession(false))
                    .then(Mono.fromSupplier(() -> loaded.get(0).value));
        }));
        StepVerifier.create(seen).expectNext("old-value").expectComplete().verify(TIMEOUT);
        recorder.assertThat().updates().singleElement().sqlContains("SET");
        recorder.assertThat().hasNoneContaining("RETURNING");
        StepVerifier.create(valuesInNewSession(factory, "uopt-")).expectNext(List.of("uopt-a=new-value"))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void bulkDeleteRemovesTheDeletedInstancesFromTheSession(SessionFactory factory) {
        store(factory, "del-a", "del-b", "del-c");
        Mono<List<Boolean>> contained = factory.inTransaction(session -> loadPrefixed(session, "del-").flatMap(loaded -> session
                .execute(Delete.from(Storage.class).where(Condition.in("key", "del-a", "del-b")))
                .then(session.get(Storage.class, loaded.get(0).id).hasElement())
                .map(found -> {
                    assertThat(found).as("get() of a bulk-deleted row").isFalse();
                    return loaded.stream().map(session::contains).toList();
                })));
        StepVerifier.create(contained).expectNext(List.of(false, false, true)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valuesInNewSession(factory, "del-")).expectNext(List.of("del-c=old-value"))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void bulkDeleteWithReturningEmitsTheDeletedRowsDetached(SessionFactory factory) {
        store(factory, "dret-a", "dret-b");
        Mono<Boolean> checked = factory.inTransaction(session -> session.one(Select.from(Storage.class).filterBy("key", "dret-a"))
                .flatMap(loaded -> session.execute(Delete.from(Storage.class).where(prefixed("dret-")).returning())
                        .collectList()
                        .map(rows -> {
                            assertThat(describe(rows)).containsExactlyInAnyOrder("dret-a=old-value", "dret-b=old-value");
                            assertThat(rows).contains(loaded);
                            return rows.stream().noneMatch(session::contains);
                        })));
        StepVerifier.create(checked).expectNext(true).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valuesInNewSession(factory, "dret-")).expectNext(List.of()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void optingOutOfSynchronizationKeepsBulkDeletedInstancesInTheSession(SessionFactory factory) {
        store(factory, "dopt-a");
        Mono<Boolean> contained = factory.inTransaction(session -> loadPrefixed(session, "dopt-").flatMap(loaded -> session
                .execute(Delete.from(Storage.class).where(prefixed("dopt-")).synchronizeSession(false))
                .then(Mono.fromSupplier(() -> session.contains(loaded.get(0))))));
        StepVerifier.create(contained).expectNext(true).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valuesInNewSession(factory, "dopt-")).expectNext(List.of()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void optedOutBulkDeleteWithReturningDoesNotTrackTheDeletedRows(SessionFactory factory) {
        store(factory, "dghost-a");
        Mono<Boolean> tracked = factory.inTransaction(session -> session
                .execute(Delete.from(Storage.class).where(prefixed("dghost-")).returning().synchronizeSession(false))
                .single()
                .map(session::contains));
        StepVerifier.create(tracked).expectNext(false).expectComplete().verify(TIMEOUT);
    }

    @Test
    void failedBulkUpdateLeavesTheSessionAskingForRollback(SessionFactory factory) {
        store(factory, "fail-a", "fail-b");
        assertFailedBulkUpdateAsksForRollback(factory, "fail-", Update.of(Storage.class).set("key", "fail-same")
                .where(prefixed("fail-")));
    }

    @Test
    void failedBulkUpdateWithoutSynchronizationLeavesTheSessionAskingForRollback(SessionFactory factory) {
        store(factory, "nsfail-a", "nsfail-b");
        assertFailedBulkUpdateAsksForRollback(factory, "nsfail-", Update.of(Storage.class).set("key", "nsfail-same")
                .where(prefixed("nsfail-")).synchronizeSession(false));
    }

    private static void assertFailedBulkUpdateAsksForRollback(SessionFactory factory, String prefix, Update<Storage> clash) {
        ReactiveSession session = factory.openSession();
        try {
            StepVerifier.create(session.execute(clash))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(ConstraintViolationException.class)
                            .hasMessageContaining("\"populate_existing_storage\"")
                            .hasMessageContaining("populate_existing_storage_key_key"))
                    .verify(TIMEOUT);
            StepVerifier.create(session.flush())
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(PendingRollbackException.class)
                            .hasMessageContaining("execute()")
                            .hasMessageContaining("rollback()"))
                    .verify(TIMEOUT);
            StepVerifier.create(session.rollback().then(session.count(Select.from(Storage.class).where(prefixed(prefix)))))
                    .expectNext(2L)
                    .expectComplete()
                    .verify(TIMEOUT);
        } finally {
            session.close().block(TIMEOUT);
        }
    }
}
