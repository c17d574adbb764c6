package io.valence.orm.it.errors;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A transaction on a raw connection that inserted a slot name and keeps it uncommitted, so that a
 * session inserting the same name waits on the server; and the server-side view of that wait (which
 * backend waits, ending it). Test set-up, so it blocks.
 */
final class SlotHolder {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Connection connection;

    private SlotHolder(Connection connection) {
        this.connection = connection;
    }

    /** Inserts {@code name} into "slot" in a transaction that stays open until {@link #release()}. */
    static SlotHolder holding(ConnectionPool pool, String name) {
        Connection connection = Objects.requireNonNull(Mono.from(pool.create()).block(TIMEOUT));
        SlotHolder holder = new SlotHolder(connection);
        try {
            Mono.from(connection.beginTransaction()).block(TIMEOUT);
            Flux.from(connection.createStatement("INSERT INTO \"slot\" (\"name\") VALUES ($1)").bind(0, name).execute())
                    .flatMap(Result::getRowsUpdated)
                    .blockLast(TIMEOUT);
            return holder;
        } catch (RuntimeException failed) {
            holder.release();
            throw failed;
        }
    }

    /** The pid of the one backend of this database that waits for a lock, once one does. */
    static int awaitBackendWaitingForLock(ConnectionPool pool) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Integer> waiting = Flux.usingWhen(pool.create(), connection -> Flux.from(connection.createStatement(
                                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                                            + " AND wait_event_type = 'Lock'").execute())
                            .flatMap(result -> result.map(row -> row.get(0, Integer.class))), Connection::close)
                    .collectList()
                    .block(TIMEOUT);
            if (waiting != null && waiting.size() == 1) {
                return waiting.get(0);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No statement started waiting for the held slot within " + TIMEOUT);
    }

    /** Ends a backend the way an administrator or a failover does: {@code pg_terminate_backend}. */
    static void terminate(ConnectionPool pool, int pid) {
        Boolean terminated = Mono.usingWhen(pool.create(),
                        connection -> Mono.from(connection.createStatement("SELECT pg_terminate_backend($1, 5000)")
                                        .bind(0, pid).execute())
                                .flatMap(result -> Mono.from(result.map(row -> row.get(0, Boolean.class)))),
                        Connection::close)
                .block(TIMEOUT);
        if (!Boolean.TRUE.equals(terminated)) {
            throw new AssertionError("pg_terminate_backend(" + pid + ") did not end the backend");
        }
    }

    /** Ends the holding transaction without committing and gives its connection back. */
    void release() {
        Mono.from(connection.rollbackTransaction())
                .onErrorResume(error -> Mono.empty()) // a transaction that never began
                .then(Mono.from(connection.close()))
                .block(TIMEOUT);
    }
}
