package io.valence.orm.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.valence.orm.testkit.internal.NettyLeaks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The integration tests' Netty leak detection works: a buffer dropped without release is reported
 * and recorded once the testkit flushes the detector. Not a {@code @ValenceTest}: the extension would
 * report this test's deliberate leak as a fault of the test.
 */
class NettyLeakDetectionIT {

    @Test
    void aBufferDroppedWithoutReleaseIsRecordedAsALeakOnceTheDetectorIsFlushed() {
        assertThat(NettyLeaks.recording()).as("Netty's leak detection records through the testkit").isTrue();
        NettyLeaks.flush();
        int mark = NettyLeaks.mark();

        leakOneBuffer();
        NettyLeaks.flush();

        List<String> reports = NettyLeaks.reportsSince(mark);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).startsWith("LEAK: ByteBuf.release() was not called").contains("leakOneBuffer");
    }

    private static void leakOneBuffer() {
        ByteBuf leaked = ByteBufAllocator.DEFAULT.buffer(16);
        leaked.writeLong(42);
    }
}
