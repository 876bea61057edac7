package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class StartupHeapTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void heapKeepsAsMuchRoomAsItMayWhileStartingAndTheJvmsOwnSettingOnceReady() {
        String before = option(StartupHeap.MIN_FREE);
        assertThat(Long.parseLong(option(StartupHeap.MAX_FREE)))
                .as("this test needs MinHeapFreeRatio below MaxHeapFreeRatio, as the JVM's defaults (40, 70) are")
                .isGreaterThan(Long.parseLong(before));

        try (StartupHeap heap = StartupHeap.growInLargeSteps()) {
            assertThat(option(StartupHeap.MIN_FREE)).isEqualTo(option(StartupHeap.MAX_FREE));
        }

        assertThat(option(StartupHeap.MIN_FREE)).isEqualTo(before);
    }

    @Test
    void heapAlreadyKeepingAllTheRoomItMayIsLeftAsItIs() {
        String before = option(StartupHeap.MIN_FREE);
        vm.setVMOption(StartupHeap.MIN_FREE, option(StartupHeap.MAX_FREE));
        try {
            try (StartupHeap heap = StartupHeap.growInLargeSteps()) {
                assertThat(option(StartupHeap.MIN_FREE)).isEqualTo(option(StartupHeap.MAX_FREE));
            }
            assertThat(option(StartupHeap.MIN_FREE)).isEqualTo(option(StartupHeap.MAX_FREE));
        } finally {
            vm.setVMOption(StartupHeap.MIN_FREE, before);
        }
    }

    private String option(String name) {
        return vm.getVMOption(name).getValue();
    }
}
