package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.it.model.Storage;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** One row is one object per session; what reloads it and what does not. */
@ValenceTest(entities = Storage.class)
class IdentityMapIT {

    private static Long storage(SessionFactory factory, String key, String value) {
        return Committed.row(factory, new Storage(key, value), s -> s.id);
    }

    /** Another session changes the row's value and commits. */
    private static void changeElsewhere(SessionFactory factory, Long id, String value) {
        factory.inTransaction(other -> other.get(Storage.class, id).doOnNext(s -> s.value = value)).block(TIMEOUT);
    }

    @Test
    void queriesAndGetReturnTheSameInstanceForTheSameRow(SessionFactory factory, StatementRecorder recorder) {
        Long id = storage(factory, "im-same", "v");

        Mono<Boolean> same = factory.withSession(session -> session.one(Select.from(Storage.class).filterBy("key", "im-same"))
                .flatMap(first -> session.scalars(Select.from(Storage.class).filterBy("id", id)).collectList()
                        .flatMap(all -> {
                            recorder.reset();
                            return session.get(Storage.class, id).map(got -> got == first && all.get(0) == first);
                        })));

        StepVerifier.create(same).expectNext(true).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();
    }

    @Test
    void aQueryReturnsTheLoadedInstanceWithoutOverwritingIt(SessionFactory factory) {
        Long id = storage(factory, "im-keep", "loaded");
        ReactiveSession session = factory.openSession();
        Storage loaded = session.get(Storage.class, id).block(TIMEOUT);
        changeElsewhere(factory, id, "changed elsewhere");

        StepVerifier.create(session.one(Select.from(Storage.class).filterBy("key", "im-keep")))
                .assertNext(again -> {
                    assertThat(again).isSameAs(loaded);
                    assertThat(again.value).isEqualTo("loaded");
                })
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.one(Select.from(Storage.class).filterBy("key", "im-keep").populateExisting()))
                .assertNext(again -> assertThat(again.value).as("populate-existing overwrites").isEqualTo("changed elsewhere"))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anExpiredObjectIsReloadedByTheNextGetWithOneStatement(SessionFactory factory, StatementRecorder recorder) {
        Long id = storage(factory, "im-expire", "loaded");
        ReactiveSession session = factory.openSession();
        Storage loaded = session.get(Storage.class, id).block(TIMEOUT);
        changeElsewhere(factory, id, "changed elsewhere");

        session.expire(loaded);
        recorder.reset();

        StepVerifier.create(session.get(Storage.class, id))
                .assertNext(again -> {
                    assertThat(again).isSameAs(loaded);
                    assertThat(again.value).isEqualTo("changed elsewhere");
                })
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1).selects().hasStatementCount(1);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aFieldAssignedAfterExpireIsFlushedBeforeTheReload(SessionFactory factory, StatementRecorder recorder) {
        Long id = storage(factory, "im-expire-then-set", "loaded");

        Mono<String> value = factory.inTransaction(session -> session.get(Storage.class, id).flatMap(storage -> {
            session.expire(storage);
            storage.value = "assigned after expire";
            recorder.reset();
            return session.get(Storage.class, id).map(again -> again.value);
        }));

        StepVerifier.create(value).expectNext("assigned after expire").expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasKinds(StatementKind.UPDATE, StatementKind.SELECT);
        recorder.assertThat().updates().singleElement().setsOnly("value");
    }

    @Test
    void refreshOverwritesInMemoryChangesWithTheRow(SessionFactory factory, StatementRecorder recorder) {
        Long id = storage(factory, "im-refresh", "in the row");

        Mono<String> refreshed = factory.inTransaction(session -> session.get(Storage.class, id).flatMap(storage -> {
            storage.value = "in memory only";
            recorder.reset();
            return session.refresh(storage).map(same -> same == storage ? storage.value : "another instance");
        }));

        StepVerifier.create(refreshed).expectNext("in the row").expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1).hasNoUpdates();
    }

    @Test
    void mergeCopiesADetachedObjectsStateOntoThePersistentInstance(SessionFactory factory, StatementRecorder recorder) {
        Long id = storage(factory, "im-merge", "before");
        Storage detached = factory.withSession(session -> session.get(Storage.class, id)).block(TIMEOUT);
        detached.value = "merged";

        Mono<Boolean> merged = factory.inTransaction(session -> session.get(Storage.class, id)
                .flatMap(persistent -> session.merge(detached).map(result -> result == persistent
                        && result != detached && persistent.value.equals("merged") && !session.contains(detached)))
                .flatMap(ok -> {
                    recorder.reset();
                    return session.flush().thenReturn(ok);
                }));

        StepVerifier.create(merged).expectNext(true).expectComplete().verify(TIMEOUT);
        recorder.assertThat().updates().singleElement().setsOnly("value");
        StepVerifier.create(factory.withSession(session -> session.get(Storage.class, id)).map(s -> s.value))
                .expectNext("merged")
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void mergeLoadsTheRowWhenTheSessionDoesNotHoldIt(SessionFactory factory, StatementRecorder recorder) {
        Long id = storage(factory, "im-merge-load", "before");
        Storage detached = factory.withSession(session -> session.get(Storage.class, id)).block(TIMEOUT);
        detached.value = "after";
        recorder.reset();

        StepVerifier.create(factory.inTransaction(session -> session.merge(detached)
                        .map(result -> result != detached && session.contains(result) && result.value.equals("after"))))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        recorder.assertThat().selects().hasStatementCount(1);
        recorder.assertThat().updates().singleElement().setsOnly("value");
    }

    @Test
    void mergeAddsACopyAsNewWhenTheRowIsGone(SessionFactory factory) {
        Storage detached = Committed.rows(factory, List.of(new Storage("im-merge-gone", "v"))).get(0);
        Long goneId = detached.id;
        factory.inTransaction(session -> session.get(Storage.class, goneId).doOnNext(session::delete)).block(TIMEOUT);

        Storage copy = factory.inTransaction(session -> session.merge(detached)).block(TIMEOUT);

        assertThat(copy).isNotSameAs(detached);
        assertThat(copy.id).as("inserted under a new generated id").isNotNull().isNotEqualTo(goneId);
        StepVerifier.create(factory.withSession(session -> session.one(Select.from(Storage.class).filterBy("key", "im-merge-gone")))
                        .map(found -> found.id.equals(copy.id) && found.value.equals("v")))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);
    }
}
