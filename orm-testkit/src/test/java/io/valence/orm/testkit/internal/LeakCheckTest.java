package io.valence.orm.testkit.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeakCheckTest {

    @Test
    void connectionStillAcquiredAfterGracePeriodFailsWithClearMessage() {
        assertThatThrownBy(() -> LeakCheck.verify("valence_orderit_1_abcdef", "savesOrder()", () -> 1, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Connection leak: 1 connection of the pool on test database valence_orderit_1_abcdef still"
                        + " acquired 100 ms after test savesOrder() finished. Every connection taken from the pool must"
                        + " go back: close each Connection (Connection.close()) and each session"
                        + " (ReactiveSession.close(), or use SessionFactory.withSession(...) / inTransaction(...)),"
                        + " and consume or cancel every result.");
    }

    @Test
    void severalLeakedConnectionsAreCounted() {
        assertThatThrownBy(() -> LeakCheck.verify("db", "t()", () -> 3, Duration.ZERO))
                .hasMessageStartingWith("Connection leak: 3 connections of the pool");
    }

    @Test
    void connectionReleasedDuringGracePeriodPasses() {
        AtomicInteger polls = new AtomicInteger();

        assertThatCode(() -> LeakCheck.verify("db", "t()", () -> polls.incrementAndGet() < 5 ? 1 : 0, Duration.ofSeconds(2)))
                .doesNotThrowAnyException();
    }

    @Test
    void noAcquiredConnectionPassesAtOnce() {
        assertThatCode(() -> LeakCheck.verify("db", "t()", () -> 0, Duration.ofSeconds(2))).doesNotThrowAnyException();
    }
}
