package io.valence.orm.it.concurrency;

import static io.valence.orm.it.concurrency.Marks.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.StatementTimeoutException;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A statement that waits on the server does not keep its connection: a session cut by a timeout
 * cancels its statement there when it rolls back, and the factory's statement and lock limits end
 * waits with a typed error.
 */
@ValenceTest(entities = {Mark.class, Ticket.class, Voucher.class}, maxPoolSize = 2)
class StatementLimitsIT {

    @Test
    void aTimedOutSessionWhoseStatementWaitsForALockGivesItsConnectionBackWhileTheLockIsStillHeld(
            SessionFactory factory, ConnectionPool pool) {
        String code = Marks.newBatch("lock-wait");
        Blocker blocker = Blocker.holding(pool, "ticket", code);
        try {
            long start = System.nanoTime();
            StepVerifier.create(factory.inTransaction(session -> {
                        session.add(new Ticket(code));
                        return session.flush();
                    }).timeout(Duration.ofMillis(500)))
                    .expectError(TimeoutException.class)
                    .verify(TIMEOUT);

            // the blocker holds one connection; the session's is back long before the lock is released
            awaitAcquired(pool, 1, Duration.ofSeconds(3));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_500L);
        } finally {
            blocker.close();
        }
        StepVerifier.create(factory.withSession(session -> session.count(Select.from(Ticket.class).filterBy("code", code))))
                .expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aLockWaitPastTheFactorysLockTimeoutFailsWithAStatementTimeoutAndReleasesTheConnection(
            SessionFactory injected, ConnectionPool pool) {
        SessionFactory factory = SessionFactory.builder(pool).entities(Mark.class, Ticket.class, Voucher.class)
                .lockTimeout(Duration.ofMillis(200)).build();
        StatementTimeoutException timeout = flushBlockedByALock(factory, pool, "lock-timeout");
        assertThat(timeout.isLockTimeout()).isTrue();
        assertThat(timeout.sqlState()).isEqualTo("55P03");
    }

    @Test
    void aStatementPastTheFactorysStatementTimeoutFailsWithAStatementTimeout(SessionFactory injected, ConnectionPool pool) {
        SessionFactory factory = SessionFactory.builder(pool).entities(Mark.class, Ticket.class, Voucher.class)
                .statementTimeout(Duration.ofMillis(200)).build();
        StatementTimeoutException timeout = flushBlockedByALock(factory, pool, "statement-timeout");
        assertThat(timeout.isLockTimeout()).isFalse();
        assertThat(timeout.sqlState()).isEqualTo("57014");
    }

    /** A flush whose INSERT waits for a row another transaction holds: the factory's limit must end it. */
    private static StatementTimeoutException flushBlockedByALock(SessionFactory factory, ConnectionPool pool, String test) {
        String code = Marks.newBatch(test);
        Blocker blocker = Blocker.holding(pool, "ticket", code);
        StatementTimeoutException[] seen = new StatementTimeoutException[1];
        try {
            StepVerifier.create(factory.inTransaction(session -> {
                        session.add(new Ticket(code));
                        return session.flush();
                    }))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(StatementTimeoutException.class);
                        seen[0] = (StatementTimeoutException) error;
                    })
                    .verify(TIMEOUT);
            awaitAcquired(pool, 1, Duration.ofSeconds(2));
        } finally {
            blocker.close();
        }
        return seen[0];
    }

    @Test
    void limitsCostNoRoundTripAndDoNotOutliveTheTransaction(SessionFactory injected, ConnectionPool pool) {
        SessionFactory factory = SessionFactory.builder(pool).entities(Mark.class, Ticket.class, Voucher.class)
                .statementTimeout(Duration.ofSeconds(7)).lockTimeout(Duration.ofSeconds(3)).build();
        String batch = Marks.newBatch("limits");

        StepVerifier.create(factory.inTransaction(session -> Marks.write(session, batch, 1, 2)
                        .then(session.count(Select.from(Mark.class).filterBy("batch", batch)))))
                .expectNext(2L).expectComplete().verify(TIMEOUT);

        // SET LOCAL ends with the transaction: the pooled connection is back at the server's defaults
        String setting = Mono.usingWhen(pool.create(), connection -> Mono.from(connection
                                .createStatement("SELECT current_setting('statement_timeout') || '/' || current_setting('lock_timeout')")
                                .execute())
                        .flatMap(result -> Mono.from(result.map(row -> row.get(0, String.class)))),
                connection -> connection.close()).block(TIMEOUT);
        assertThat(setting).isEqualTo("0/0");
    }

    @Test
    void limitsMustBeAtLeastAMillisecond(SessionFactory injected, ConnectionPool pool) {
        SessionFactory.Builder builder = SessionFactory.builder(pool).entities(Mark.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.statementTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statementTimeout must be at least 1 ms (PostgreSQL counts in milliseconds, and 0 would"
                        + " mean no limit), was PT0S");
    }

    private static void awaitAcquired(ConnectionPool pool, int expected, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (Marks.acquired(pool) > expected && System.nanoTime() < deadline) {
            Marks.sleep(10);
        }
        assertThat(Marks.acquired(pool)).as("connections still acquired").isEqualTo(expected);
    }
}
