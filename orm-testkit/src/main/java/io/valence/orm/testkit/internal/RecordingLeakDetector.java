package io.valence.orm.testkit.internal;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's leak detector, which also tells {@link NettyLeaks} of every leak it reports, so that a
 * test can fail on it instead of a log line going unnoticed. Netty instantiates it when the system
 * property {@code io.netty.customResourceLeakDetector} names this class (the integration tests'
 * failsafe configuration sets it); it logs as Netty's own does.
 *
 * @param <T> the tracked resource type
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

    /**
     * The constructor Netty's {@code DefaultResourceLeakDetectorFactory} calls.
     *
     * @param resourceType the tracked type
     * @param samplingInterval how often a resource is tracked below the paranoid level
     */
    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
    }

    /**
     * The constructor older Netty factories call; {@code maxActive} is ignored, as Netty ignores it.
     *
     * @param resourceType the tracked type
     * @param samplingInterval how often a resource is tracked below the paranoid level
     * @param maxActive ignored
     */
    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        this(resourceType, samplingInterval);
    }

    /** Always drain and report, even when the logger's error level is off: the report is what tests check. */
    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        NettyLeaks.record("LEAK: " + resourceType + ".release() was not called before it's garbage-collected." + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        NettyLeaks.record("LEAK: " + resourceType + ".release() was not called before it's garbage-collected"
                + " (no access records: run with -Dio.netty.leakDetection.level=paranoid to see where it was created)");
        super.reportUntracedLeak(resourceType);
    }
}
