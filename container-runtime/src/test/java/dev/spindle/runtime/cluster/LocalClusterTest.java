package dev.spindle.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.IllegalConfigurationException;
import dev.spindle.runtime.memory.MemoryOptions;
import org.junit.jupiter.api.Test;

class LocalClusterTest {

    private static final long HEAP = 2000L << 20;

    @Test
    void shouldGiveInProcessTaskManagersThirtyPercentOfTheHeapByDefault() {
        assertEquals(HEAP * 30 / 100 / 2, LocalCluster.inProcessManagedBytes(new Configuration(), HEAP, 2));
    }

    @Test
    void shouldGiveInProcessTaskManagersTheConfiguredPercentOfTheHeap() {
        Configuration config = new Configuration().set(MemoryOptions.MANAGED_HEAP_PERCENT, 60);
        assertEquals(HEAP * 60 / 100, LocalCluster.inProcessManagedBytes(config, HEAP, 1));
        assertEquals(HEAP * 60 / 100 / 3, LocalCluster.inProcessManagedBytes(config, HEAP, 3));
    }

    @Test
    void shouldRejectAPercentOutOfRange() {
        Configuration config = new Configuration().set(MemoryOptions.MANAGED_HEAP_PERCENT, 95);
        assertThrows(IllegalConfigurationException.class, () -> LocalCluster.inProcessManagedBytes(config, HEAP, 1));
    }
}
