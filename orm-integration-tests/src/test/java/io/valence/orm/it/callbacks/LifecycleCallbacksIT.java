package io.valence.orm.it.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.valence.orm.CallbackSessionUseException;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Callbacks run at JPA's moments against a real flush; what @PreUpdate sets is in the same UPDATE; no session use inside. */
@ValenceTest(entities = Entry.class)
class LifecycleCallbacksIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void callbacksRunAtTheMomentsJpaDefines(SessionFactory factory, StatementRecorder recorder) {
        Entry entry = new Entry("moments");
        factory.inTransaction(session -> {
            session.add(entry);
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.reset();

        Entry loaded = factory.inTransaction(session -> session.get(Entry.class, entry.id).doOnNext(e -> e.text = "changed"))
                .block(TIMEOUT);
        recorder.assertThat().updates().singleElement().setsOnly("text", "touched_by");
        factory.inTransaction(session -> session.get(Entry.class, entry.id).flatMap(e -> {
            session.delete(e);
            return session.flush().thenReturn(e);
        }).doOnNext(e -> assertThat(e.calls).containsExactly("PostLoad", "PreRemove", "PostRemove"))).block(TIMEOUT);

        assertThat(entry.calls).containsExactly("PrePersist", "PostPersist true");
        assertThat(loaded.calls).containsExactly("PostLoad", "PreUpdate", "PostUpdate");
        assertThat(loaded.touchedBy).isEqualTo("preUpdate");
    }

    @Test
    void usingTheSessionFromACallbackFailsWithATypedError(SessionFactory factory) {
        factory.inTransaction(session -> {
            Entry.SESSION.set(session);
            Entry entry = new Entry("misbehaving");
            entry.misbehave = true;
            assertThatExceptionOfType(CallbackSessionUseException.class)
                    .isThrownBy(() -> session.add(entry))
                    .withMessageStartingWith("add() was called from inside the lifecycle callback @PrePersist"
                            + " Misbehaving.prePersist(Object)")
                    .satisfies(e -> assertThat(e.callback()).contains("Entry (pending, no id)"));
            assertThat(session.contains(entry)).as("a failed @PrePersist leaves the object out").isFalse();
            entry.misbehave = false;
            session.add(entry);
            return session.flush().then(Mono.fromRunnable(() -> {
                entry.misbehave = true;
                entry.text = "changed";
            })).then(session.flush());
        }).block(TIMEOUT);

        assertThat(Entry.ERRORS).singleElement().isInstanceOf(CallbackSessionUseException.class);
    }
}
