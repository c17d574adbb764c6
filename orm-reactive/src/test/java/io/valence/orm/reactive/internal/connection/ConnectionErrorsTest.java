package io.valence.orm.reactive.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcTimeoutException;
import io.valence.orm.PoolExhaustedException;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How an exhausted pool is reported; {@code ExhaustedPoolIT} shows it against a real pool. */
class ConnectionErrorsTest {

    @Test
    void anExhaustedPoolNamesItsSizeTheTimeoutAndTheLikelyCauses() {
        PoolExhaustedException exhausted = ConnectionErrors.poolExhausted("500 ms (the session's acquire timeout,"
                + " SessionFactory.Builder.acquireTimeout)", 4, Duration.ofMillis(500), null);

        assertThat(exhausted).hasMessage("No connection became free within 500 ms (the session's acquire timeout,"
                + " SessionFactory.Builder.acquireTimeout). The pool (its maximum size is 4) is exhausted: every"
                + " connection is held by another session. Likely causes: more concurrent sessions than the pool's size"
                + " (fan-outs wider than the pool run in turns, but a session opened inside another session's work on a"
                + " full pool waits for itself), or sessions that are never closed. Close sessions"
                + " (withSession/inTransaction do it for you), enlarge the pool, or raise"
                + " SessionFactory.Builder.acquireTimeout");
        assertThat(exhausted.maxSize()).isEqualTo(OptionalInt.of(4));
        assertThat(exhausted.acquireTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(exhausted.getCause()).isNull();
    }

    @Test
    void aConnectionFactoryThatIsNoKnownPoolLeavesTheSizeOut() {
        PoolExhaustedException exhausted = ConnectionErrors.poolExhausted("1000 ms", null, Duration.ofSeconds(1), null);

        assertThat(exhausted).hasMessageStartingWith("No connection became free within 1000 ms. The pool is exhausted");
        assertThat(exhausted.maxSize()).isEmpty();
    }

    @Test
    void thePoolsOwnTimeoutIsReadFromItsError() {
        var poolTimeout = new R2dbcTimeoutException("Connection acquisition timed out after 300ms");

        assertThat(ConnectionErrors.poolsOwnTimeout(poolTimeout, Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(300));
        assertThat(ConnectionErrors.poolsOwnTimeout(new R2dbcTimeoutException("worded otherwise"), Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(30));
    }
}
