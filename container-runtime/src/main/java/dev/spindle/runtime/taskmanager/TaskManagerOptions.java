package dev.spindle.runtime.taskmanager;

import dev.spindle.runtime.config.ConfigOption;
import dev.spindle.runtime.config.MemorySize;
import dev.spindle.runtime.config.OptionsHolder;

/** Settings of a TaskManager process: slots, shuffle memory and network, local directories. */
public final class TaskManagerOptions implements OptionsHolder {

    public static final ConfigOption<Integer> NUM_SLOTS = ConfigOption.intOption("taskmanager.numberOfTaskSlots", 1,
            "Slots per TaskManager: how many parallel subtasks of one stage it runs at once.");

    public static final ConfigOption<MemorySize> PROCESS_MEMORY = ConfigOption.memoryOption(
            "taskmanager.memory.process.size", "1024m",
            "Total memory of a TaskManager process (its YARN container). Heap, shuffle, metaspace and JVM "
                    + "overhead are derived from it so that the process stays inside the container.");

    public static final ConfigOption<MemorySize> NETWORK_MEMORY = ConfigOption.memoryOption(
            "taskmanager.memory.network", "64m", "Shuffle buffer memory per TaskManager.");

    public static final ConfigOption<MemorySize> SEGMENT_SIZE = ConfigOption.memoryOption(
            "taskmanager.memory.segment-size", "32k", "Size of one shuffle buffer.");

    public static final ConfigOption<Integer> BUFFERS_PER_OUTPUT_CHANNEL = ConfigOption.intOption(
            "taskmanager.network.buffers-per-output-channel", 4,
            "Buffers a pipelined result may hold per consumer subtask before its producer waits (backpressure).");

    public static final ConfigOption<Integer> CREDITS_PER_INPUT_CHANNEL = ConfigOption.intOption(
            "taskmanager.network.credits-per-input-channel", 4,
            "Buffers each remote input channel owns and grants to its producer as credit.");

    public static final ConfigOption<Long> PARTITION_REQUEST_TIMEOUT = ConfigOption.longOption(
            "taskmanager.network.partition-request-timeout-ms", 60_000,
            "How long a consumer waits for its producer's partition to appear.");

    public static final ConfigOption<String> TMP_DIRS = ConfigOption.stringOption("io.tmp.dirs",
            System.getProperty("java.io.tmpdir"),
            "Comma-separated local directories for spill files and blocking results.");

    public static final ConfigOption<String> RESOURCE_ID = ConfigOption.stringOption("taskmanager.resource-id", "",
            "Name the TaskManager registers under (on YARN its container id); empty = a generated one.");

    public static final ConfigOption<String> HOST = ConfigOption.stringOption("taskmanager.host", "127.0.0.1",
            "Address this TaskManager binds and advertises for the shuffle.");

    public static final ConfigOption<Integer> DATA_PORT = ConfigOption.intOption("taskmanager.data.port", 0,
            "Shuffle server port (0 = any free port).");

    private TaskManagerOptions() {
    }
}
