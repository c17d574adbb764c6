package io.valence.orm.it.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.it.model.Storage;
import io.valence.orm.query.Insert;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * {@code session.execute(Insert…)} on PostgreSQL: seed 004's upsert, whose rows refresh the objects
 * the session already holds (the stale-object pitfall designed away), and the forms of
 * {@link Insert}. Every test uses keys of its own: the class shares one database.
 */
@ValenceTest(entities = {Storage.class})
class UpsertIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String KEY_CONSTRAINT = "populate_existing_storage_key_key";

    /** What a session saw around one execute: the object loaded before, its value then, the rows returned. */
    private record Observed(Storage loaded, String valueBefore, List<Storage> returned, String valueAfter) {}

    private static void store(SessionFactory factory, String key, String value) {
        factory.inTransaction(session -> {
            session.add(new Storage(key, value));
            return Mono.empty();
        }).block(TIMEOUT);
    }

    private static Select<Storage> byKey(String key) {
        return Select.from(Storage.class).filterBy("key", key);
    }

    private static Mono<String> valueInNewSession(SessionFactory factory, String key) {
        return factory.withSession(session -> session.oneOrNone(byKey(key)).map(storage -> storage.value));
    }

    private static Insert<Storage> upsert(String key, String value) {
        return Insert.into(Storage.class).values(Map.of("key", key, "value", value)).onConflict("key").doUpdate("value");
    }

    @Test
    void upsertRefreshesTheInstanceLoadedBeforeAndReturnsThatSameInstance(SessionFactory factory) {
        store(factory, "one", "old-value");
        Mono<Observed> observed = factory.withSession(session -> session.one(byKey("one")).flatMap(instance -> {
            String before = instance.value;
            return session.execute(upsert("one", "new-value").returning()).collectList().flatMap(rows -> {
                String after = instance.value;
                return session.commit().thenReturn(new Observed(instance, before, rows, after));
            });
        }));
        StepVerifier.create(observed)
                .assertNext(seen -> {
                    assertThat(seen.valueBefore()).isEqualTo("old-value");
                    assertThat(seen.valueAfter()).isEqualTo("new-value");
                    assertThat(seen.returned()).singleElement().isSameAs(seen.loaded());
                })
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(valueInNewSession(factory, "one")).expectNext("new-value").expectComplete().verify(TIMEOUT);
    }

    @Test
    void afterCommitTheSameSessionsFreshQueryAgreesWithTheUpsert(SessionFactory factory) {
        store(factory, "same-session", "old-value");
        Mono<Boolean> agrees = factory.withSession(session -> session.one(byKey("same-session"))
                .flatMap(instance -> session.execute(upsert("same-session", "new-value").returning()).then(session.commit())
                        .then(session.one(byKey("same-session")))
                        .map(fresh -> fresh == instance && "new-value".equals(fresh.value))));
        StepVerifier.create(agrees).expectNext(true).expectComplete().verify(TIMEOUT);
    }

    @Test
    void optingOutOfSynchronizationLeavesTheLoadedInstanceStaleUntilRefreshed(SessionFactory factory) {
        store(factory, "opt-out", "old-value");
        Mono<List<String>> values = factory.withSession(session -> session.one(byKey("opt-out")).flatMap(instance -> session
                .execute(upsert("opt-out", "new-value").returning().synchronizeSession(false))
                .collectList()
                .flatMap(rows -> {
                    assertThat(rows).singleElement().isSameAs(instance);
                    String stale = instance.value;
                    return session.commit().then(session.refresh(instance)).map(refreshed -> List.of(stale, refreshed.value));
                })));
        StepVerifier.create(values).expectNext(List.of("old-value", "new-value")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valueInNewSession(factory, "opt-out")).expectNext("new-value").expectComplete().verify(TIMEOUT);
    }

    @Test
    void severalMapRowsAreInsertedByOneStatementAndReturnedInOrder(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        Mono<List<Storage>> inserted = factory.inTransaction(session -> session.execute(Insert.into(Storage.class)
                        .values(Map.of("key", "rows-a", "value", "1"))
                        .values(Map.of("value", "2", "key", "rows-b"))
                        .values(Map.of("key", "rows-c", "value", "3"))
                        .returning())
                .collectList());
        StepVerifier.create(inserted)
                .assertNext(rows -> {
                    assertThat(rows).extracting(storage -> storage.key + "=" + storage.value)
                            .containsExactly("rows-a=1", "rows-b=2", "rows-c=3");
                    assertThat(rows).extracting(storage -> storage.id).doesNotContainNull().doesNotHaveDuplicates();
                })
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1).inserts().singleElement()
                .sqlContains("INSERT INTO \"populate_existing_storage\"").sqlContains("RETURNING");
        StepVerifier.create(valueInNewSession(factory, "rows-b")).expectNext("2").expectComplete().verify(TIMEOUT);
    }

    @Test
    void entityRowIsInsertedFromItsPropertiesWithoutJoiningTheSession(SessionFactory factory) {
        Storage draft = new Storage("entity-row", "from-entity");
        Mono<Boolean> checked = factory.inTransaction(session -> session
                .execute(Insert.into(Storage.class).values(draft).returning())
                .single()
                .map(row -> {
                    assertThat(row).isNotSameAs(draft);
                    assertThat(row.id).isNotNull();
                    assertThat(row.key).isEqualTo("entity-row");
                    assertThat(row.value).isEqualTo("from-entity");
                    return session.contains(row) && !session.contains(draft) && draft.id == null;
                }));
        StepVerifier.create(checked).expectNext(true).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valueInNewSession(factory, "entity-row")).expectNext("from-entity").expectComplete().verify(TIMEOUT);
    }

    @Test
    void conflictOnANamedConstraintUpdatesTheExistingRow(SessionFactory factory, StatementRecorder recorder) {
        store(factory, "constraint-key", "old-value");
        Long id = factory.withSession(session -> session.one(byKey("constraint-key")).map(storage -> storage.id))
                .block(TIMEOUT);
        recorder.reset();
        Mono<Storage> upserted = factory.inTransaction(session -> session.execute(Insert.into(Storage.class)
                        .values(Map.of("key", "constraint-key", "value", "new-value"))
                        .onConflictOnConstraint(KEY_CONSTRAINT)
                        .doUpdate("value")
                        .returning())
                .single());
        StepVerifier.create(upserted)
                .assertNext(row -> {
                    assertThat(row.id).isEqualTo(id);
                    assertThat(row.value).isEqualTo("new-value");
                })
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().inserts().singleElement().sqlContains("ON CONFLICT ON CONSTRAINT \"" + KEY_CONSTRAINT + "\"");
    }

    @Test
    void doUpdateSetWritesItsOwnValuesOnConflictingRowsOnly(SessionFactory factory) {
        store(factory, "set-a", "old-value");
        Mono<List<String>> rows = factory.inTransaction(session -> session.execute(Insert.into(Storage.class)
                        .values(Map.of("key", "set-a", "value", "proposed"))
                        .values(Map.of("key", "set-b", "value", "proposed"))
                        .onConflict("key")
                        .doUpdateSet(Map.of("value", "conflicted"))
                        .returning())
                .map(storage -> storage.key + "=" + storage.value)
                .collectList());
        StepVerifier.create(rows).expectNext(List.of("set-a=conflicted", "set-b=proposed")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valueInNewSession(factory, "set-a")).expectNext("conflicted").expectComplete().verify(TIMEOUT);
    }

    @Test
    void doNothingReturnsNoRowForTheConflictingKeyAndLeavesItsInstanceAlone(SessionFactory factory) {
        store(factory, "nothing-a", "kept");
        Mono<List<String>> observed = factory.inTransaction(session -> session.one(byKey("nothing-a")).flatMap(existing -> session
                .execute(Insert.into(Storage.class)
                        .values(Map.of("key", "nothing-a", "value", "ignored"))
                        .values(Map.of("key", "nothing-b", "value", "inserted"))
                        .onConflict("key")
                        .doNothing()
                        .returning())
                .map(storage -> storage.key + "=" + storage.value)
                .collectList()
                .map(returned -> List.of(String.join(",", returned), existing.value))));
        StepVerifier.create(observed).expectNext(List.of("nothing-b=inserted", "kept")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valueInNewSession(factory, "nothing-a")).expectNext("kept").expectComplete().verify(TIMEOUT);
        StepVerifier.create(valueInNewSession(factory, "nothing-b")).expectNext("inserted").expectComplete().verify(TIMEOUT);
    }

    @Test
    void withoutReturningExecuteEmitsNothingButStillRefreshesTheSession(SessionFactory factory) {
        store(factory, "quiet", "old-value");
        Mono<List<Object>> observed = factory.inTransaction(session -> session.one(byKey("quiet")).flatMap(instance -> session
                .execute(upsert("quiet", "new-value"))
                .count()
                .map(emitted -> List.<Object>of(emitted, instance.value))));
        StepVerifier.create(observed).expectNext(List.of(0L, "new-value")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valueInNewSession(factory, "quiet")).expectNext("new-value").expectComplete().verify(TIMEOUT);
    }

    @Test
    void withoutReturningAndSynchronizationTheStatementReturnsNothing(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        Mono<Long> emitted = factory.inTransaction(session -> session
                .execute(upsert("plain", "value").synchronizeSession(false))
                .count());
        StepVerifier.create(emitted).expectNext(0L).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1).hasNoneContaining("RETURNING");
        StepVerifier.create(valueInNewSession(factory, "plain")).expectNext("value").expectComplete().verify(TIMEOUT);
    }

    @Test
    void pendingObjectIsFlushedBeforeTheUpsertWhichThenRefreshesIt(SessionFactory factory, StatementRecorder recorder) {
        Mono<Boolean> sameInstance = factory.inTransaction(session -> {
            Storage pending = new Storage("pending-first", "pending");
            session.add(pending);
            recorder.reset();
            return session.execute(upsert("pending-first", "upserted").returning())
                    .single()
                    .map(row -> row == pending && "upserted".equals(pending.value));
        });
        StepVerifier.create(sameInstance).expectNext(true).expectComplete().verify(TIMEOUT);
        List<RecordedStatement> writes = recorder.statements().stream()
                .filter(statement -> statement.kind() != StatementKind.TRANSACTION)
                .toList();
        assertThat(writes).extracting(RecordedStatement::kind).containsExactly(StatementKind.INSERT, StatementKind.INSERT);
        assertThat(writes.get(0).sql()).doesNotContain("ON CONFLICT");
        assertThat(writes.get(1).sql()).contains("ON CONFLICT");
        StepVerifier.create(valueInNewSession(factory, "pending-first")).expectNext("upserted").expectComplete().verify(TIMEOUT);
    }

    @Test
    void unknownPropertyInAnInsertFailsAtTheCallNamingTheEntityAndItsProperties(SessionFactory factory) {
        Mono<Void> result = factory.withSession(session -> {
            assertThatThrownBy(() -> session.execute(Insert.into(Storage.class).values(Map.of("kee", "x", "value", "y"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Storage")
                    .hasMessageContaining("\"kee\"")
                    .hasMessageContaining("did you mean \"key\"");
            return Mono.empty();
        });
        StepVerifier.create(result).expectComplete().verify(TIMEOUT);
    }
}
