package dev.spindle.runtime.memory;

import dev.spindle.runtime.config.ConfigOption;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.IllegalConfigurationException;
import dev.spindle.runtime.config.MemorySize;
import dev.spindle.runtime.config.OptionsHolder;

/** Settings of managed memory: the budget of sorting, hash joins and hash aggregation, and its page size. */
public final class MemoryOptions implements OptionsHolder {

    public static final ConfigOption<MemorySize> MANAGED_SIZE = ConfigOption.memoryOption(
            "taskmanager.memory.managed.size", "0",
            "Managed memory of a TaskManager: the working memory of sorting, hash joins and hash aggregation "
                    + "in batch jobs, split evenly among its slots; what does not fit is spilled to io.tmp.dirs. "
                    + "0 derives it from the heap (see taskmanager.memory.managed.heap-percent).");

    public static final ConfigOption<Integer> MANAGED_HEAP_PERCENT = ConfigOption.intOption(
            "taskmanager.memory.managed.heap-percent", 40,
            "When taskmanager.memory.managed.size is 0: the percentage of the TaskManager heap, after shuffle "
                    + "memory, that becomes managed memory (1-90). The embedded cluster's in-process TaskManagers "
                    + "share the client's heap: together they take this percentage of it, 30 if it is not set.");

    public static final ConfigOption<MemorySize> PAGE_SIZE = ConfigOption.memoryOption(
            "taskmanager.memory.managed.page-size", "32k",
            "Size of one page of managed memory: a power of two from 4k to 1m. Sorting and merging read and "
                    + "write spill files in units of pages.");

    private static final long MIN_PAGE_SIZE = 4 << 10;
    private static final long MAX_PAGE_SIZE = 1 << 20;

    private MemoryOptions() {
    }

    /**
     * The managed memory of a TaskManager in bytes: the configured size or, if that is 0, the
     * configured percentage of the heap that remains after shuffle memory.
     */
    public static long managedMemoryBytes(Configuration config, long heapBytes, long networkBytes) {
        long configured = config.get(MANAGED_SIZE).bytes();
        if (configured < 0) {
            throw new IllegalConfigurationException(MANAGED_SIZE.key() + " must not be negative");
        }
        if (configured > 0) {
            return configured;
        }
        return Math.max(0, heapBytes - networkBytes) * heapPercent(config) / 100;
    }

    /** The configured percentage of the heap that becomes managed memory, checked. */
    public static int heapPercent(Configuration config) {
        int percent = config.get(MANAGED_HEAP_PERCENT);
        if (percent < 1 || percent > 90) {
            throw new IllegalConfigurationException(MANAGED_HEAP_PERCENT.key() + " must be between 1 and 90, got "
                    + percent);
        }
        return percent;
    }

    /** The configured page size, checked. */
    public static int pageSize(Configuration config) {
        long size = config.get(PAGE_SIZE).bytes();
        if (size < MIN_PAGE_SIZE || size > MAX_PAGE_SIZE || Long.bitCount(size) != 1) {
            throw new IllegalConfigurationException(PAGE_SIZE.key() + " must be a power of two from 4k to 1m, got "
                    + config.get(PAGE_SIZE));
        }
        return (int) size;
    }

    /** The memory manager of a TaskManager with {@code heapBytes} of heap, {@code networkBytes} of it for the shuffle. */
    public static MemoryManager createMemoryManager(Configuration config, long heapBytes, long networkBytes, int slots) {
        return new MemoryManager(managedMemoryBytes(config, heapBytes, networkBytes), pageSize(config), slots);
    }
}
