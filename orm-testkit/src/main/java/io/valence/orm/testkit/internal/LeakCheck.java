package io.valence.orm.testkit.internal;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The after-each check that a test gave back every pooled connection. Release is asynchronous
 * (a close() still in flight when the test method returns), so the count is polled for a grace
 * period before the test is failed.
 */
public final class LeakCheck {

    private static final long POLL_MILLIS = 20;

    private LeakCheck() {}

    /**
     * Returns once no connection is acquired; fails when some still are after {@code grace}.
     *
     * @param poolName the pool's (database's) name, for the message
     * @param testName the test that just finished, for the message
     * @param acquiredConnections reads the pool's acquired-connection count
     * @param grace how long to wait for connections to come back
     * @throws AssertionError when connections are still acquired after the grace period
     */
    public static void verify(String poolName, String testName, IntSupplier acquiredConnections, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        int acquired = acquiredConnections.getAsInt();
        while (acquired > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            acquired = acquiredConnections.getAsInt();
        }
        if (acquired > 0) {
            throw leak(poolName, testName, acquired, grace);
        }
    }

    /** The failure message, built in one place. */
    static AssertionError leak(String poolName, String testName, int acquired, Duration grace) {
        return new AssertionError("Connection leak: " + acquired + (acquired == 1 ? " connection" : " connections")
                + " of the pool on test database " + poolName + " still acquired " + grace.toMillis()
                + " ms after test " + testName + " finished. Every connection taken from the pool must go back: "
                + "close each Connection (Connection.close()) and each session (ReactiveSession.close(), or use "
                + "SessionFactory.withSession(...) / inTransaction(...)), and consume or cancel every result.");
    }
}
