package io.valence.orm.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Watches a W5 stream: counts the rows a contender hands over and, when half and all of the
 * expected rows have arrived (while the stream and its session are still open), collects garbage
 * and samples the heap that is still in use. The larger sample is the stream's peak live heap:
 * what the library keeps alive per row shows up there, garbage does not.
 *
 * <p>Called from one thread at a time (a subscriber's {@code onNext}); read after the stream ended.
 */
public final class StreamProbe {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final long expectedRows;
    private final long baselineBytes;
    private long rows;
    private long idSum;
    private long peakLiveBytes;

    private StreamProbe(long expectedRows, long baselineBytes) {
        this.expectedRows = expectedRows;
        this.baselineBytes = baselineBytes;
    }

    /**
     * Collects garbage, notes the heap in use as the baseline, and returns a probe for a stream of
     * {@code expectedRows} rows.
     *
     * @param expectedRows rows the stream will deliver
     * @return the probe
     */
    public static StreamProbe start(long expectedRows) {
        return new StreamProbe(expectedRows, liveHeapBytes());
    }

    /**
     * Called for every row, in arrival order.
     *
     * @param id the row's id
     */
    public void row(long id) {
        rows++;
        idSum += id;
        if (rows == expectedRows / 2 || rows == expectedRows) {
            peakLiveBytes = Math.max(peakLiveBytes, liveHeapBytes());
        }
    }

    private static long liveHeapBytes() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /**
     * Rows seen.
     *
     * @return rows seen so far
     */
    public long rows() {
        return rows;
    }

    /**
     * Sum of the ids seen, so that no row's reading can be optimised away.
     *
     * @return the sum
     */
    public long idSum() {
        return idSum;
    }

    /**
     * Heap in use at the fullest sample, after garbage collection, in MiB.
     *
     * @return peak live heap
     */
    public double peakLiveMib() {
        return peakLiveBytes / (1024.0 * 1024.0);
    }

    /**
     * Heap in use before the stream started, after garbage collection, in MiB.
     *
     * @return the baseline
     */
    public double baselineMib() {
        return baselineBytes / (1024.0 * 1024.0);
    }
}
