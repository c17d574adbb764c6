package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.StaleObjectException;
import io.valence.orm.it.model.Versioned;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** {@code @Version}: updates and deletes check the version they read, and updates increment it. */
@ValenceTest(entities = Versioned.class)
class OptimisticLockingIT {

    private static Versioned reload(SessionFactory factory, Long id) {
        return factory.withSession(session -> session.get(Versioned.class, id)).block(TIMEOUT);
    }

    @Test
    void aNewRowStartsAtVersionZeroAndEachUpdateIncrementsIt(SessionFactory factory, StatementRecorder recorder) {
        Versioned row = Committed.rows(factory, java.util.List.of(new Versioned("v0"))).get(0);
        assertThat(row.version).isZero();
        recorder.reset();

        Versioned updated = factory.inTransaction(session -> session.get(Versioned.class, row.id)
                .doOnNext(loaded -> loaded.value = "v1")).block(TIMEOUT);

        assertThat(updated.version).as("in memory").isEqualTo(1);
        assertThat(reload(factory, row.id).version).as("in the row").isEqualTo(1);
        recorder.assertThat().updates().singleElement().setsOnly("value", "version").sqlContains("\"version\" = v.ver");
    }

    @Test
    void theSecondOfTwoSessionsUpdatingTheSameRowGetsAStaleObjectErrorAndNoUpdateIsLost(SessionFactory factory) {
        Long id = Committed.row(factory, new Versioned("original"), v -> v.id);
        ReactiveSession first = factory.openSession();
        ReactiveSession second = factory.openSession();
        Versioned firstCopy = first.get(Versioned.class, id).block(TIMEOUT);
        Versioned secondCopy = second.get(Versioned.class, id).block(TIMEOUT);

        firstCopy.value = "first";
        StepVerifier.create(first.commit()).expectComplete().verify(TIMEOUT);
        secondCopy.value = "second";

        StepVerifier.create(second.commit())
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(StaleObjectException.class)
                            .hasMessageContaining("UPDATE of Versioned#" + id + " matched no row")
                            .hasMessageContaining("its @Version is no longer 0")
                            .hasMessageContaining("session.refresh");
                    StaleObjectException stale = (StaleObjectException) error;
                    assertThat(stale.entityType()).isEqualTo("Versioned");
                    assertThat(stale.id()).isEqualTo(id);
                })
                .verify(TIMEOUT);
        StepVerifier.create(second.rollback().then(first.close()).then(second.close())).expectComplete().verify(TIMEOUT);

        Versioned stored = reload(factory, id);
        assertThat(stored.value).as("the first update is not lost").isEqualTo("first");
        assertThat(stored.version).isEqualTo(1);
    }

    @Test
    void theLoserCanRefreshAndApplyItsChangeAgain(SessionFactory factory) {
        Long id = Committed.row(factory, new Versioned("base"), v -> v.id);
        ReactiveSession loser = factory.openSession();
        Versioned stale = loser.get(Versioned.class, id).block(TIMEOUT);
        factory.inTransaction(winner -> winner.get(Versioned.class, id).doOnNext(v -> v.value = "winner")).block(TIMEOUT);
        stale.value = "loser";
        StepVerifier.create(loser.flush()).expectError(StaleObjectException.class).verify(TIMEOUT);

        StepVerifier.create(loser.rollback()
                        .then(loser.get(Versioned.class, id))
                        .doOnNext(fresh -> fresh.value = fresh.value + "+loser")
                        .then(loser.commit())
                        .then(loser.close()))
                .expectComplete()
                .verify(TIMEOUT);

        Versioned stored = reload(factory, id);
        assertThat(stored.value).isEqualTo("winner+loser");
        assertThat(stored.version).isEqualTo(2);
    }

    @Test
    void deletingARowChangedSinceItWasReadIsAStaleObjectError(SessionFactory factory) {
        Long id = Committed.row(factory, new Versioned("to delete"), v -> v.id);
        ReactiveSession deleter = factory.openSession();
        Versioned read = deleter.get(Versioned.class, id).block(TIMEOUT);
        factory.inTransaction(other -> other.get(Versioned.class, id).doOnNext(v -> v.value = "changed")).block(TIMEOUT);

        deleter.delete(read);

        StepVerifier.create(deleter.commit())
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(StaleObjectException.class)
                        .hasMessageContaining("DELETE of Versioned#" + id + " matched no row"))
                .verify(TIMEOUT);
        StepVerifier.create(deleter.close()).expectComplete().verify(TIMEOUT);
        assertThat(reload(factory, id).value).isEqualTo("changed");
    }
}
