package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.StaleObjectException;
import io.valence.orm.it.model.Storage;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * An UPDATE of an entity without {@code @Version} is checked by the number of rows it changed: a
 * full count costs nothing more, a short one names the row another transaction deleted.
 */
@ValenceTest(entities = Storage.class)
class UnversionedUpdateCheckIT {

    @Test
    void anUpdateThatFindsEveryRowIsTheFlushsOnlyStatement(SessionFactory factory, StatementRecorder recorder) {
        Committed.rows(factory, List.of(new Storage("full-a", "1"), new Storage("full-b", "2"), new Storage("full-c", "3")));
        ReactiveSession session = factory.openSession();
        List<Storage> loaded = session.scalars(Select.from(Storage.class)).collectList().block(TIMEOUT);
        loaded.forEach(row -> row.value = row.value + "'");
        recorder.reset();

        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);

        recorder.assertThat().hasKinds(StatementKind.UPDATE);
        recorder.assertThat().updates().singleElement().setsOnly("value");
        recorder.assertThat().hasNoneContaining("RETURNING");
        assertThat(valuesOf(factory, "full-")).containsExactlyInAnyOrder("1'", "2'", "3'");
    }

    @Test
    void updatingARowAnotherTransactionDeletedIsAStaleObjectErrorNamingItAndNothingIsKept(
            SessionFactory factory, StatementRecorder recorder) {
        List<Storage> rows = Committed.rows(
                factory, List.of(new Storage("short-a", "1"), new Storage("short-b", "2"), new Storage("short-c", "3")));
        Long deletedId = rows.get(1).id;
        ReactiveSession session = factory.openSession();
        List<Storage> loaded = session.scalars(Select.from(Storage.class)).collectList().block(TIMEOUT);
        factory.inTransaction(other -> other.get(Storage.class, deletedId).doOnNext(other::delete)).block(TIMEOUT);
        loaded.forEach(row -> row.value = "changed");
        recorder.reset();

        StepVerifier.create(session.commit())
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(StaleObjectException.class)
                            .hasMessageContaining("UPDATE of Storage#" + deletedId + " matched no row")
                            .hasMessageContaining("another transaction deleted it");
                    StaleObjectException stale = (StaleObjectException) error;
                    assertThat(stale.entityType()).isEqualTo("Storage");
                    assertThat(stale.id()).isEqualTo(deletedId);
                })
                .verify(TIMEOUT);
        StepVerifier.create(session.rollback().then(session.close())).expectComplete().verify(TIMEOUT);

        recorder.assertThat().hasKinds(StatementKind.UPDATE, StatementKind.SELECT);
        assertThat(valuesOf(factory, "short-")).as("the rows that were found are not changed").containsExactlyInAnyOrder("1", "3");
    }

    /** The values of the rows whose key starts with {@code prefix}: the tests of this class share one table. */
    private static List<String> valuesOf(SessionFactory factory, String prefix) {
        return factory.withSession(reader -> reader.scalars(Select.from(Storage.class))
                        .filter(row -> row.key.startsWith(prefix))
                        .map(row -> row.value)
                        .collectList())
                .block(TIMEOUT);
    }
}
