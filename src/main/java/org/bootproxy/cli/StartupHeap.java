package org.bootproxy.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While {@code serve} starts, the heap grows in one large step instead of several small ones; once it is ready, the
 * JVM's own setting again.
 *
 * <p>The launcher starts the heap small ({@code -Xms64m}: under load a larger old generation fills with dead answers,
 * BENCHMARKS.md). Host files read at start stay live (some 90 MB at 50,000 files), and the serial collector makes
 * room for them by a full collection each time the old generation grows (a young collection that had to grow it is
 * followed by a full one), after which it keeps {@code MinHeapFreeRatio} (40 %) free: at 50,000 files three full
 * collections of 70-230 ms that free nothing, the last often just after ready, under the first machines' requests.
 * Keeping {@code MaxHeapFreeRatio} (70 %) free instead, the first growth leaves room for the rest of the read. The
 * ratio is a manageable flag, so the JVM reads it at each resize; a start too small to grow the heap is not affected,
 * and neither is the heap after ready.
 */
final class StartupHeap implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartupHeap.class);
    static final String MIN_FREE = "MinHeapFreeRatio";
    static final String MAX_FREE = "MaxHeapFreeRatio";

    private final Optional<HotSpotDiagnosticMXBean> vm;
    private final String before;

    private StartupHeap(Optional<HotSpotDiagnosticMXBean> vm, String before) {
        this.vm = vm;
        this.before = before;
    }

    /** Until {@link #close}, the heap keeps as much free room after it grows as it may keep without shrinking. */
    static StartupHeap growInLargeSteps() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            String before = vm.getVMOption(MIN_FREE).getValue();
            String most = vm.getVMOption(MAX_FREE).getValue();
            if (Long.parseLong(most) > Long.parseLong(before)) {
                vm.setVMOption(MIN_FREE, most);
                return new StartupHeap(Optional.of(vm), before);
            }
        } catch (RuntimeException e) { // another JVM than HotSpot, or the flags set otherwise: start as it would anyway
            LOG.debug("heap growth at start left to the JVM: {}", e.toString());
        }
        return new StartupHeap(Optional.empty(), "");
    }

    /** The JVM's own setting again (the launcher's, or its default). */
    @Override
    public void close() {
        vm.ifPresent(v -> {
            try {
                v.setVMOption(MIN_FREE, before);
            } catch (RuntimeException e) {
                LOG.warn("cannot set {} back to {} after start: {}", MIN_FREE, before, e.toString());
            }
        });
    }
}
