package io.valence.orm.it.concurrency;

import static io.valence.orm.it.concurrency.Marks.TIMEOUT;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A transaction on a raw connection of the pool that inserted a code and keeps it uncommitted, so
 * that a session's statement touching the same code waits on the server until the blocker ends:
 * the deterministic way to catch a session's flush or commit in flight. Test set-up, so it blocks.
 */
final class Blocker {
    private final Connection connection;

    private Blocker(Connection connection) {
        this.connection = connection;
    }

    /** Inserts {@code code} into {@code table} in a transaction that stays open. */
    static Blocker holding(ConnectionPool pool, String table, String code) {
        Connection connection = Objects.requireNonNull(Mono.from(pool.create()).block(TIMEOUT));
        Mono.from(connection.beginTransaction()).block(TIMEOUT);
        run(connection, "INSERT INTO \"" + table + "\" (\"code\") VALUES ('" + code + "')");
        return new Blocker(connection);
    }

    /** Makes voucher codes unique with a check deferred to COMMIT; idempotent. */
    static void deferUniqueVoucherCodes(ConnectionPool pool) {
        Connection connection = Objects.requireNonNull(Mono.from(pool.create()).block(TIMEOUT));
        try {
            run(connection, "DO $$ BEGIN ALTER TABLE \"voucher\" ADD CONSTRAINT \"voucher_code_deferred\""
                    + " UNIQUE (\"code\") DEFERRABLE INITIALLY DEFERRED;"
                    + " EXCEPTION WHEN duplicate_table OR duplicate_object THEN NULL; END $$");
        } finally {
            Mono.from(connection.close()).block(TIMEOUT);
        }
    }

    /** Waits until a statement of this database waits for a lock (the session's, behind this blocker). */
    static void awaitWaitingForLock(ConnectionPool pool) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Long waiting = Mono.usingWhen(pool.create(), connection -> Flux.from(connection.createStatement(
                                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                            + " AND wait_event_type = 'Lock'").execute())
                            .flatMap(result -> result.map(row -> row.get(0, Long.class)))
                            .next(), Connection::close)
                    .block(TIMEOUT);
            if (waiting != null && waiting > 0) {
                return;
            }
            Marks.sleep(5);
        }
        throw new AssertionError("No statement started waiting for the blocker's lock within " + TIMEOUT);
    }

    /** Ends the blocker's transaction without committing, which lets the waiting statement go on. */
    void close() {
        Mono.from(connection.rollbackTransaction()).then(Mono.from(connection.close())).block(TIMEOUT);
    }

    private static void run(Connection connection, String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).blockLast(TIMEOUT);
    }
}
