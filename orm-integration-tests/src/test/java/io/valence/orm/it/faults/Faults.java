package io.valence.orm.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.IsolatedDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Set-up and checks shared by the fault tests: batches of rows, seeds, the pool's acquired count,
 * backends' states, locks held by another transaction, terminated backends, and the crate graph.
 * Everything here blocks: it is test set-up and observation, run outside the sessions under test.
 * Observers take a {@link ConnectionFactory}: the class's pool when it has a connection to spare,
 * else {@link IsolatedDatabase#connectionFactory()} (a connection of its own, outside the pool).
 */
final class Faults {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** What a lock-holding connection calls itself, so that the backend checks can leave it out. */
    private static final String LOCK_HOLDER = "faults-lock";

    private Faults() {}

    /** A batch name no other test of the class uses. */
    static String newBatch(String test) {
        return test + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A seed for a test's random choices, printed so that a failing run can be replayed with -Dfaults.seed=…. */
    static long seed(String test) {
        String given = System.getProperty("faults.seed");
        long seed = given != null ? Long.parseLong(given) : System.nanoTime();
        System.out.println(test + ": seed " + seed + " (replay with -Dfaults.seed=" + seed + ")");
        return seed;
    }

    /** A Random for a test's choices, from its printed {@link #seed}. */
    static Random random(String test) {
        return new Random(seed(test));
    }

    /** Waits 0 to 5 ms, in steps of 50 µs, as {@code random} says: where a cancel lands. */
    static void randomPause(Random random) {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50L * random.nextInt(101)));
    }

    /** Commits {@code count} rows of a batch. Test set-up, so it blocks. */
    static void insert(SessionFactory factory, String batch, int count) {
        factory.inTransaction(session -> {
                    IntStream.range(0, count).forEach(seq -> session.add(new Reading(batch, seq)));
                    return session.flush();
                })
                .block(TIMEOUT);
    }

    /** Every row of a batch, in order. */
    static Select<Reading> all(String batch) {
        return Select.from(Reading.class).filterBy("batch", batch).orderBy("id");
    }

    /** The number of committed rows of a batch, read in a fresh session. */
    static long committed(SessionFactory factory, String batch) {
        return Objects.requireNonNull(factory.withSession(session -> session.count(Select.from(Reading.class)
                        .filterBy("batch", batch)))
                .block(TIMEOUT));
    }

    /** The number of connections the pool has handed out and not got back. */
    static int acquired(ConnectionPool pool) {
        return pool.getMetrics().orElseThrow().acquiredSize();
    }

    /** Polls the acquired count for {@code within}, and returns it: 0 as soon as every connection is back. */
    static int acquiredAfter(ConnectionPool pool, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (acquired(pool) > 0 && System.nanoTime() < deadline) {
            sleep(10);
        }
        return acquired(pool);
    }

    /** Fails unless every connection is back in the pool within 5 s (releases after a cancel run asynchronously). */
    static void assertNoneAcquired(ConnectionPool pool) {
        assertThat(acquiredAfter(pool, Duration.ofSeconds(5))).as("connections still acquired from the pool").isZero();
    }

    /**
     * Fails if a backend of this database sits idle in a transaction (a transaction nobody will end);
     * a {@link Lock}'s own transaction does not count.
     */
    static void assertNoIdleInTransaction(ConnectionFactory observer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long idle = idleInTransaction(observer);
        while (idle > 0 && System.nanoTime() < deadline) {
            sleep(10);
            idle = idleInTransaction(observer);
        }
        assertThat(idle).as("backends idle in transaction").isZero();
    }

    /** Every connection back in the pool, and no backend left idle in a transaction. */
    static void assertClean(ConnectionPool pool) {
        assertNoneAcquired(pool);
        assertNoIdleInTransaction(pool);
    }

    private static long idleInTransaction(ConnectionFactory observer) {
        return count(observer, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%' AND application_name <> '"
                + LOCK_HOLDER + "'");
    }

    /** How many statements of this database wait for a lock right now. */
    static long waitingForLock(ConnectionFactory observer) {
        return count(observer, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'");
    }

    /**
     * While a {@link Lock} is still held: within 2 s no statement of the database waits for it any
     * more (the abandoned ones were cancelled on the server) and no connection is acquired.
     */
    static void assertReleasedWhileLockHeld(ConnectionPool pool, ConnectionFactory observer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        long waiting = waitingForLock(observer);
        while (waiting > 0 && System.nanoTime() < deadline) {
            sleep(20);
            waiting = waitingForLock(observer);
        }
        int acquired = acquiredAfter(pool, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        System.out.println("while the lock is held: " + waiting + " statements still wait for it on the server, "
                + acquired + " connections acquired");
        assertThat(waiting).as("statements still waiting for the lock on the server").isZero();
        assertThat(acquired).as("connections still acquired while the lock is held").isZero();
    }

    /**
     * Waits until a statement whose text matches {@code queryLike} (an SQL LIKE pattern) waits for a
     * lock, and returns its backend's pid: the session's statement, caught in flight on the server.
     */
    static int awaitLockWait(ConnectionFactory observer, String queryLike) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> pids = longs(observer, "SELECT pid::bigint FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock' AND query LIKE $1", queryLike);
            if (!pids.isEmpty()) {
                return Math.toIntExact(pids.get(0));
            }
            sleep(2);
        }
        throw new AssertionError("No statement like " + queryLike + " waited for a lock within " + TIMEOUT);
    }

    /** Ends a backend ({@code pg_terminate_backend}, waiting until it is gone), as a server restart or an admin would. */
    static void terminate(ConnectionFactory observer, int pid) {
        assertThat(count(observer, "SELECT count(*) FROM (SELECT pg_terminate_backend($1, 5000) AS done) t WHERE done", pid))
                .as("backend %d terminated", pid)
                .isOne();
    }

    /** Makes crate codes unique with a check deferred to COMMIT; idempotent. */
    static void deferUniqueCrateCodes(ConnectionFactory observer) {
        run(observer, "DO $$ BEGIN ALTER TABLE \"crate\" ADD CONSTRAINT \"crate_code_deferred\" UNIQUE (\"code\")"
                + " DEFERRABLE INITIALLY DEFERRED; EXCEPTION WHEN duplicate_table OR duplicate_object THEN NULL; END $$");
    }

    /** Replaces the table made for {@link SessionBackend} with a view of the reading backend's pid; idempotent. */
    static void mapSessionBackendToView(ConnectionFactory observer) {
        run(observer, "DROP TABLE IF EXISTS \"session_backend\"");
        run(observer, "CREATE OR REPLACE VIEW \"session_backend\" AS SELECT pg_backend_pid() AS \"pid\"");
    }

    /** The backend serving the session now, read through a statement of the session (see {@link SessionBackend}). */
    static int backendOf(ReactiveSession session) {
        AtomicInteger pid = new AtomicInteger();
        StepVerifier.create(session.scalars(Select.from(SessionBackend.class)))
                .consumeNextWith(backend -> pid.set(backend.pid))
                .expectComplete()
                .verify(TIMEOUT);
        return pid.get();
    }

    /** The committed crates of a batch. */
    static long crates(ConnectionFactory observer, String batch) {
        return count(observer, "SELECT count(*) FROM \"crate\" WHERE \"batch\" = $1", batch);
    }

    /** Fails if a committed crate of the batch has fewer or more bottles than it was added with. */
    static void assertNoPartialGraph(ConnectionFactory observer, String batch) {
        assertThat(count(observer, "SELECT count(*) FROM \"crate\" c WHERE c.\"batch\" = $1 AND c.\"expected\""
                        + " <> (SELECT count(*) FROM \"bottle\" b WHERE b.\"crate_id\" = c.\"id\")", batch))
                .as("committed crates of batch %s without all of their bottles", batch)
                .isZero();
    }

    /** Runs a query returning one bigint on a connection of {@code observer}, outside any session. */
    static long count(ConnectionFactory observer, String sql, Object... binds) {
        List<Long> values = longs(observer, sql, binds);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    private static List<Long> longs(ConnectionFactory observer, String sql, Object... binds) {
        return Objects.requireNonNull(Flux.usingWhen(observer.create(), connection -> Flux.from(bound(connection, sql, binds)
                                .execute())
                        .flatMap(result -> result.map(row -> row.get(0, Long.class))), Connection::close)
                .collectList()
                .block(TIMEOUT));
    }

    /** Runs SQL statements on a connection of {@code observer}, outside any session, ignoring their results. */
    static List<Long> run(ConnectionFactory observer, String sql) {
        return Objects.requireNonNull(Mono.usingWhen(observer.create(), connection -> Flux.from(connection.createStatement(sql)
                                .execute())
                        .flatMap(Result::getRowsUpdated)
                        .collectList(), Connection::close)
                .block(TIMEOUT));
    }

    private static Statement bound(Connection connection, String sql, Object... binds) {
        Statement statement = connection.createStatement(sql);
        for (int i = 0; i < binds.length; i++) {
            statement.bind(i, binds[i]);
        }
        return statement;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * A transaction on a connection outside the pool that ran some statements (took a lock, inserted
     * a unique code) and keeps them uncommitted until {@link #release()}, so that a session's
     * statement or COMMIT touching the same rows waits on the server: the deterministic way to catch
     * one in flight. Its backend is named {@value #LOCK_HOLDER} and left out of the backend checks.
     */
    static final class Lock {
        private final Connection connection;

        private Lock(Connection connection) {
            this.connection = connection;
        }

        static Lock take(IsolatedDatabase database, String... statements) {
            Connection connection = Objects.requireNonNull(Mono.from(database.connectionFactory().create()).block(TIMEOUT));
            execute(connection, "SET application_name = '" + LOCK_HOLDER + "'");
            Mono.from(connection.beginTransaction()).block(TIMEOUT);
            for (String sql : statements) {
                execute(connection, sql);
            }
            return new Lock(connection);
        }

        /** Ends the transaction without committing, which lets the waiting statement go on. */
        void release() {
            Mono.from(connection.rollbackTransaction()).then(Mono.from(connection.close())).block(TIMEOUT);
        }

        private static void execute(Connection connection, String sql) {
            Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).blockLast(TIMEOUT);
        }
    }
}
