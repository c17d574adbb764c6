package io.valence.orm.testkit.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaks Netty reported in this JVM, in order, as {@link RecordingLeakDetector} recorded them,
 * and how to make Netty report the leaks of buffers that became garbage so far.
 *
 * <p>Netty reports a leak only when two things happened: the leaked buffer was garbage-collected
 * (its weak reference is enqueued), and a later tracked allocation drained the detector's queue.
 * {@link #flush()} forces both: a {@code System.gc()}, then a few tracked allocations. Under the
 * paranoid level every allocation is tracked, so the drain is certain; under a sampling level it is
 * likely, not certain.
 */
public final class NettyLeaks {

    /** The system property that makes Netty use {@link RecordingLeakDetector}. */
    public static final String DETECTOR_PROPERTY = "io.netty.customResourceLeakDetector";

    /** The system property that turns a reported leak into a test failure ({@code true}); off by default. */
    public static final String FAIL_PROPERTY = "valence.testkit.failOnNettyLeak";

    private static final List<String> REPORTS = new ArrayList<>();
    private static final int FLUSH_ROUNDS = 3;

    private NettyLeaks() {}

    static void record(String report) {
        synchronized (REPORTS) {
            REPORTS.add(report);
        }
    }

    /**
     * Whether leaks are recorded at all: Netty was told to use {@link RecordingLeakDetector} and leak
     * detection is on.
     *
     * @return whether {@link #reportsSince(int)} can see leaks
     */
    public static boolean recording() {
        return RecordingLeakDetector.class.getName().equals(System.getProperty(DETECTOR_PROPERTY))
                && ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.DISABLED;
    }

    /**
     * Whether a reported leak fails the test that reported it ({@value #FAIL_PROPERTY}{@code =true}).
     *
     * @return whether leaks fail tests
     */
    public static boolean failing() {
        return Boolean.getBoolean(FAIL_PROPERTY);
    }

    /**
     * How many leaks were reported so far; a mark for {@link #reportsSince(int)}.
     *
     * @return the number of reports
     */
    public static int mark() {
        synchronized (REPORTS) {
            return REPORTS.size();
        }
    }

    /**
     * The reports recorded after {@code mark}.
     *
     * @param mark a value {@link #mark()} returned
     * @return the reports, oldest first
     */
    public static List<String> reportsSince(int mark) {
        synchronized (REPORTS) {
            return new ArrayList<>(REPORTS.subList(Math.min(mark, REPORTS.size()), REPORTS.size()));
        }
    }

    /**
     * Makes Netty report the leaks of buffers that are garbage now: collects garbage and lets the
     * reference handler enqueue the leaked buffers' references, then allocates tracked buffers, which
     * drains the ByteBuf detector's queue. Costs two or three garbage collections.
     */
    public static void flush() {
        int before = mark();
        for (int round = 0; round < FLUSH_ROUNDS; round++) {
            System.gc();
            sleep(round == 0 ? 5 : 20);
            ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(1);
            probe.release();
            if (round > 0 && mark() == before) {
                return; // nothing new after a second collection: the queue is drained
            }
            before = mark();
        }
    }

    /**
     * The failure for leaks a test caused, built in one place.
     *
     * @param testName the test
     * @param reports the leak reports, at least one
     * @return the assertion error, whose message holds the first report in full
     */
    public static AssertionError failure(String testName, List<String> reports) {
        return new AssertionError("Netty reported " + reports.size() + (reports.size() == 1 ? " leak" : " leaks")
                + " of reference-counted buffers during test " + testName + " (a buffer garbage-collected without"
                + " release(); see https://netty.io/wiki/reference-counted-objects.html). First report: "
                + reports.get(0));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
