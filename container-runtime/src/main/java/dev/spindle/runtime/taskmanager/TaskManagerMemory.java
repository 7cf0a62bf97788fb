package dev.spindle.runtime.taskmanager;

import dev.spindle.runtime.config.MemorySize;

/**
 * Splits the one memory size a user gives a TaskManager (or JobManager) container into JVM
 * settings that keep the whole process inside it: JVM overhead (thread stacks, code cache, GC
 * structures: 15%, at least 160 MiB), metaspace (96 MiB), direct memory for Netty (48 MiB), and the
 * rest as heap, of which a tenth (at most 256 MiB, at least 16 MiB) is shuffle buffer memory.
 */
public record TaskManagerMemory(long processMb, long heapMb, long metaspaceMb, long directMb, long networkBytes) {

    private static final long MIN_OVERHEAD_MB = 160;
    private static final long METASPACE_MB = 96;
    private static final long DIRECT_MB = 48;
    private static final long MIN_HEAP_MB = 64;

    public static TaskManagerMemory derive(MemorySize processSize) {
        long process = processSize.mebiBytes();
        long overhead = Math.max(MIN_OVERHEAD_MB, process * 15 / 100);
        long heap = process - overhead - METASPACE_MB - DIRECT_MB;
        if (heap < MIN_HEAP_MB) {
            throw new IllegalArgumentException("A container of " + process + " MiB is too small for a Spindle process; "
                    + "give at least " + (MIN_OVERHEAD_MB + METASPACE_MB + DIRECT_MB + MIN_HEAP_MB) + " MiB");
        }
        long network = Math.max(16L << 20, Math.min(256L << 20, (heap << 20) / 10));
        return new TaskManagerMemory(process, heap, METASPACE_MB, DIRECT_MB, network);
    }

    /** The JVM options that enforce this split. */
    public String jvmOptions() {
        return "-Xms" + heapMb + "m -Xmx" + heapMb + "m -XX:MaxMetaspaceSize=" + metaspaceMb + "m"
                + " -XX:MaxDirectMemorySize=" + directMb + "m";
    }
}
