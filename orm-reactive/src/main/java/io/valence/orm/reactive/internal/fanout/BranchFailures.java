package io.valence.orm.reactive.internal.fanout;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The failures of one fan-out: the first is the one raised, every later one (a sibling that failed
 * before its cancellation reached it, or while it was being cancelled) is added to it as suppressed,
 * as {@code asyncio.TaskGroup} gathers them. The first failure also signals {@link #stopped()}, which
 * cancels the branches still running.
 */
final class BranchFailures {
    private final Sinks.One<Boolean> stop = Sinks.one();
    private Throwable first;

    /** Records a branch's failure; the first one stops the others. */
    void record(Throwable error) {
        boolean isFirst;
        synchronized (this) {
            isFirst = first == null;
            if (isFirst) {
                first = error;
            } else if (error != first) {
                first.addSuppressed(error);
            }
        }
        if (isFirst) {
            stop.tryEmitValue(Boolean.TRUE);
        }
    }

    /** @return a Mono that emits when the first failure was recorded */
    Mono<Boolean> stopped() {
        return stop.asMono();
    }

    /** @return the failure to raise, or {@code null} when every branch succeeded */
    synchronized Throwable first() {
        return first;
    }
}
