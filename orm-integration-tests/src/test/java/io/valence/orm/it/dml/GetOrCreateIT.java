package io.valence.orm.it.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.ConstraintViolationException;
import io.valence.orm.MultipleResultsException;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.it.model.Storage;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.GetOrCreate;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Django's get_or_create and update_or_create on PostgreSQL: created or not, defaults, the two
 * race-safe strategies (ON CONFLICT DO NOTHING when a unique constraint covers the lookup, an
 * advisory lock when none does), and a loser of the race that keeps its session's other work. The
 * many-session races are in {@link GetOrCreateRaceIT}. Each test uses keys of its own.
 */
@ValenceTest(entities = {Storage.class, Label.class, Parent.class, Child.class})
class GetOrCreateIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static Mono<GetOrCreate<Storage>> storage(ReactiveSession session, String key, String value) {
        return session.getOrCreate(Storage.class, Map.of("key", key), Map.of("value", value));
    }

    private static Mono<String> valueInNewSession(SessionFactory factory, String key) {
        return factory.withSession(session -> session.oneOrNone(Select.from(Storage.class).filterBy("key", key))
                .map(storage -> storage.value));
    }

    private static Mono<Long> countInNewSession(SessionFactory factory, Select<?> select) {
        return factory.withSession(session -> session.count(select));
    }

    @Test
    void firstCallCreatesTheRowAndALaterCallGetsIt(SessionFactory factory) {
        GetOrCreate<Storage> first = factory.inTransaction(session -> storage(session, "goc-first", "v")).block(TIMEOUT);
        assertThat(first.created()).isTrue();
        assertThat(first.entity().id).isNotNull();
        StepVerifier.create(factory.inTransaction(session -> storage(session, "goc-first", "v")))
                .assertNext(second -> {
                    assertThat(second.created()).isFalse();
                    assertThat(second.entity().id).isEqualTo(first.entity().id);
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void defaultsAreAppliedOnlyWhenTheRowIsCreated(SessionFactory factory) {
        Mono<List<String>> values = factory.inTransaction(session -> storage(session, "goc-defaults", "first")
                .flatMap(created -> storage(session, "goc-defaults", "second")
                        .map(got -> List.of(created.created() + "=" + created.entity().value, got.created() + "=" + got.entity().value))));
        StepVerifier.create(values).expectNext(List.of("true=first", "false=first")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(factory.inTransaction(session -> storage(session, "goc-defaults", "third")))
                .assertNext(got -> assertThat(got.entity().value).isEqualTo("first"))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(valueInNewSession(factory, "goc-defaults")).expectNext("first").expectComplete().verify(TIMEOUT);
    }

    @Test
    void secondCallInTheSameSessionReturnsTheSameInstanceWithoutInserting(SessionFactory factory, StatementRecorder recorder) {
        Mono<Boolean> same = factory.inTransaction(session -> storage(session, "goc-same", "v").flatMap(created -> {
            recorder.reset();
            return storage(session, "goc-same", "v").map(got -> !got.created() && got.entity() == created.entity());
        }));
        StepVerifier.create(same).expectNext(true).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1).selects().singleElement();
    }

    @Test
    void lookupCoveredByAUniqueConstraintIsInsertedWithOnConflictDoNothing(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        StepVerifier.create(factory.inTransaction(session -> storage(session, "goc-unique", "v")).map(GetOrCreate::created))
                .expectNext(true).expectComplete().verify(TIMEOUT);
        recorder.assertThat().inserts().singleElement().sqlContains("ON CONFLICT (\"key\") DO NOTHING").sqlContains("RETURNING");
        recorder.assertThat().hasNoneContaining("pg_advisory");
    }

    @Test
    void lookupNoUniqueConstraintCoversTakesAnAdvisoryLockToCreateButNotToGet(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        Mono<GetOrCreate<Label>> first = factory.inTransaction(session ->
                session.getOrCreate(Label.class, Map.of("name", "goc-lock"), Map.of("colour", "red")));
        GetOrCreate<Label> created = first.block(TIMEOUT);
        assertThat(created.created()).isTrue();
        assertThat(created.entity().colour).isEqualTo("red");
        assertThat(recorder.statements()).extracting(RecordedStatement::sql)
                .anyMatch(sql -> sql.contains("pg_advisory_xact_lock"));
        recorder.assertThat().inserts().singleElement().sqlContains("INSERT INTO \"dml_label\"");
        recorder.reset();
        StepVerifier.create(factory.inTransaction(session ->
                        session.getOrCreate(Label.class, Map.of("name", "goc-lock"), Map.of("colour", "blue"))))
                .assertNext(got -> {
                    assertThat(got.created()).isFalse();
                    assertThat(got.entity().id).isEqualTo(created.entity().id);
                    assertThat(got.entity().colour).isEqualTo("red");
                })
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1).selects().singleElement().sqlContains("\"dml_label\"");
    }

    @Test
    void uniqueLookupPropertyGivenAsNullTakesTheAdvisoryLockSinceNullsNeverConflict(
            SessionFactory factory, StatementRecorder recorder) {
        Map<String, Object> lookup = new HashMap<>();
        lookup.put("code", null);
        lookup.put("name", "goc-null-code");
        recorder.reset();
        StepVerifier.create(factory.inTransaction(session -> session.getOrCreate(Label.class, lookup, Map.of()))
                        .map(GetOrCreate::created))
                .expectNext(true).expectComplete().verify(TIMEOUT);
        assertThat(recorder.statements()).extracting(RecordedStatement::sql)
                .anyMatch(sql -> sql.contains("pg_advisory_xact_lock"));
        recorder.assertThat().hasNoneContaining("ON CONFLICT");
        StepVerifier.create(factory.inTransaction(session -> session.getOrCreate(Label.class, lookup, Map.of()))
                        .map(GetOrCreate::created))
                .expectNext(false).expectComplete().verify(TIMEOUT);
    }

    @Test
    void lookupThroughAManyToOneMatchesTheOwnersRow(SessionFactory factory) {
        Parent owner = factory.inTransaction(session -> {
            Parent parent = new Parent("goc-owner");
            session.add(parent);
            return Mono.just(parent);
        }).block(TIMEOUT);
        Mono<List<Boolean>> created = factory.inTransaction(session -> session
                .getOrCreate(Label.class, Map.of("owner", owner, "name", "goc-owned"), Map.of())
                .flatMap(first -> session.get(Parent.class, owner.id)
                        .flatMap(own -> session.getOrCreate(Label.class, Map.of("owner", own, "name", "goc-owned"), Map.of()))
                        .map(second -> List.of(first.created(), second.created(), first.entity() == second.entity()))));
        StepVerifier.create(created).expectNext(List.of(true, false, true)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void updateOrCreateCreatesTheRowWithTheValues(SessionFactory factory) {
        Mono<GetOrCreate<Storage>> result = factory.inTransaction(session ->
                session.updateOrCreate(Storage.class, Map.of("key", "uoc-new"), Map.of("value", "set")));
        StepVerifier.create(result)
                .assertNext(got -> {
                    assertThat(got.created()).isTrue();
                    assertThat(got.entity().value).isEqualTo("set");
                })
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(valueInNewSession(factory, "uoc-new")).expectNext("set").expectComplete().verify(TIMEOUT);
    }

    @Test
    void updateOrCreateSetsTheValuesOnTheExistingRow(SessionFactory factory, StatementRecorder recorder) {
        Long id = factory.inTransaction(session -> storage(session, "uoc-existing", "old-value"))
                .map(got -> got.entity().id).block(TIMEOUT);
        recorder.reset();
        Mono<GetOrCreate<Storage>> result = factory.inTransaction(session ->
                session.updateOrCreate(Storage.class, Map.of("key", "uoc-existing"), Map.of("value", "new-value")));
        StepVerifier.create(result)
                .assertNext(got -> {
                    assertThat(got.created()).isFalse();
                    assertThat(got.entity().id).isEqualTo(id);
                    assertThat(got.entity().value).isEqualTo("new-value");
                })
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().updates().singleElement().setsOnly("value");
        StepVerifier.create(valueInNewSession(factory, "uoc-existing")).expectNext("new-value").expectComplete().verify(TIMEOUT);
    }

    @Test
    void severalRowsMatchingTheLookupFailWithMultipleResultsAndTheSessionStaysUsable(SessionFactory factory) {
        factory.inTransaction(session -> {
            session.add(new Label("goc-twin", "red"));
            session.add(new Label("goc-twin", "blue"));
            return Mono.empty();
        }).block(TIMEOUT);
        ReactiveSession session = factory.openSession();
        try {
            StepVerifier.create(session.getOrCreate(Label.class, Map.of("name", "goc-twin"), Map.of()))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(MultipleResultsException.class)
                            .hasMessageContaining("Label")
                            .hasMessageContaining("several")
                            .hasMessageContaining("unique constraint"))
                    .verify(TIMEOUT);
            StepVerifier.create(session.count(Select.from(Label.class).filterBy("name", "goc-twin")))
                    .expectNext(2L).expectComplete().verify(TIMEOUT);
        } finally {
            session.close().block(TIMEOUT);
        }
    }

    @Test
    void unknownLookupPropertyFailsAtTheCallListingTheProperties(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        try {
            assertThatThrownBy(() -> session.getOrCreate(Storage.class, Map.of("kee", "x"), Map.of("value", "v")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Storage")
                    .hasMessageContaining("\"kee\"")
                    .hasMessageContaining("key");
            assertThatThrownBy(() -> session.getOrCreate(Storage.class, Map.of("key", "x"), Map.of("valeu", "v")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"valeu\"");
            assertThatThrownBy(() -> session.getOrCreate(Storage.class, Map.of(), Map.of("value", "v")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lookup");
        } finally {
            session.close().block(TIMEOUT);
        }
    }

    @Test
    void rowHoldingTheUniqueKeyButNotTheRestOfTheLookupIsReportedNotSilentlyMissing(SessionFactory factory) {
        factory.inTransaction(session -> storage(session, "goc-partial", "stored")).block(TIMEOUT);
        Mono<GetOrCreate<Storage>> result = factory.withSession(session ->
                session.getOrCreate(Storage.class, Map.of("key", "goc-partial", "value", "other"), Map.of()));
        StepVerifier.create(result)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(ConstraintViolationException.class)
                        .hasMessageContaining("Storage")
                        .hasMessageContaining("[key]")
                        .hasMessageContaining("populate_existing_storage"))
                .verify(TIMEOUT);
    }

    @Test
    void failedInsertOfGetOrCreateKeepsTheSessionsEarlierWork(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        try {
            session.add(new Storage("goc-kept-before", "kept"));
            StepVerifier.create(session.getOrCreate(Label.class, Map.of("colour", "no-name"), Map.of()))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(ConstraintViolationException.class)
                            .hasMessageContaining("dml_label")
                            .hasMessageContaining("not-null"))
                    .verify(TIMEOUT);
            StepVerifier.create(session.commit()).expectComplete().verify(TIMEOUT);
        } finally {
            session.close().block(TIMEOUT);
        }
        StepVerifier.create(valueInNewSession(factory, "goc-kept-before")).expectNext("kept").expectComplete().verify(TIMEOUT);
    }

    @Test
    void rowCreatedByGetOrCreateLeavesTheSessionWhenTheTransactionRollsBack(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        try {
            Storage created = session.getOrCreate(Storage.class, Map.of("key", "goc-rolled-back"), Map.of("value", "v"))
                    .map(GetOrCreate::entity).block(TIMEOUT);
            StepVerifier.create(session.rollback().then(Mono.fromSupplier(() -> session.contains(created))))
                    .as("like an object added and flushed, a row created in a rolled-back transaction leaves the session")
                    .expectNext(false)
                    .expectComplete()
                    .verify(TIMEOUT);
        } finally {
            session.close().block(TIMEOUT);
        }
        StepVerifier.create(valueInNewSession(factory, "goc-rolled-back")).expectComplete().verify(TIMEOUT);
    }

    @Test
    void loserOfAUniqueKeyRaceGetsTheWinnersRowAndKeepsItsPendingWork(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        assertLoserKeepsPendingWork(factory, recorder, "ON CONFLICT", session ->
                session.getOrCreate(Storage.class, Map.of("key", "race-unique"), Map.of("value", "v")).map(GetOrCreate::created),
                factory.withSession(session -> session.one(Select.from(Storage.class).filterBy("key", "race-unique"))
                        .map(storage -> storage.id)));
    }

    @Test
    void loserOfALockedLookupRaceGetsTheWinnersRowAndKeepsItsPendingWork(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        assertLoserKeepsPendingWork(factory, recorder, "pg_advisory_xact_lock", session ->
                session.getOrCreate(Label.class, Map.of("name", "race-lock"), Map.of()).map(GetOrCreate::created),
                factory.withSession(session -> session.one(Select.from(Label.class).filterBy("name", "race-lock"))
                        .map(label -> label.id)));
    }

    /**
     * The winner creates the row and holds its transaction open until the loser's racing statement
     * (its insert, or its lock) has been sent, so the loser really races an uncommitted row. The
     * loser had a pending object, which must be committed with it.
     */
    private static void assertLoserKeepsPendingWork(SessionFactory factory, StatementRecorder recorder, String racingSql,
            java.util.function.Function<ReactiveSession, Mono<Boolean>> getOrCreate, Mono<Long> rowId) {
        Sinks.Empty<Void> winnerCreated = Sinks.empty();
        Mono<Boolean> loserSent = Flux.interval(Duration.ofMillis(10))
                .filter(tick -> recorder.statements().stream().filter(statement -> statement.sql().contains(racingSql)).count() >= 2)
                .next()
                .thenReturn(true);
        Mono<Boolean> winner = factory.inTransaction(session -> getOrCreate.apply(session)
                .flatMap(created -> Mono.fromRunnable(winnerCreated::tryEmitEmpty).then(loserSent).thenReturn(created)));
        String pendingKey = "pending-of-" + racingSql.replace(' ', '-');
        Mono<Boolean> loser = winnerCreated.asMono().then(factory.inTransaction(session -> {
            session.add(new Storage(pendingKey, "committed"));
            return getOrCreate.apply(session);
        }));
        StepVerifier.create(Mono.zip(winner, loser)).assertNext(results -> {
            assertThat(results.getT1()).as("the winner created").isTrue();
            assertThat(results.getT2()).as("the loser created").isFalse();
        }).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rowId).expectNextCount(1).expectComplete().verify(TIMEOUT);
        StepVerifier.create(valueInNewSession(factory, pendingKey)).expectNext("committed").expectComplete().verify(TIMEOUT);
    }
}
