package dev.spindle.runtime.jobmanager;

import dev.spindle.runtime.config.ConfigOption;
import dev.spindle.runtime.config.OptionsHolder;

/** Settings of the JobManager: where it listens, how it watches TaskManagers, how long jobs wait for slots. */
public final class JobManagerOptions implements OptionsHolder {

    public static final ConfigOption<String> RPC_ADDRESS = ConfigOption.stringOption("jobmanager.rpc.address",
            "127.0.0.1", "Address the JobManager listens on for TaskManagers and clients.");

    public static final ConfigOption<Integer> RPC_PORT = ConfigOption.intOption("jobmanager.rpc.port", 0,
            "JobManager port (0 = any free port).");

    public static final ConfigOption<dev.spindle.runtime.config.MemorySize> PROCESS_MEMORY = ConfigOption.memoryOption(
            "jobmanager.memory.process.size", "1024m",
            "Total memory of the JobManager process (the YARN ApplicationMaster container).");

    public static final ConfigOption<Long> HEARTBEAT_INTERVAL = ConfigOption.longOption("heartbeat.interval-ms", 1000,
            "How often TaskManagers report to the JobManager.");

    public static final ConfigOption<Long> HEARTBEAT_TIMEOUT = ConfigOption.longOption("heartbeat.timeout-ms", 20_000,
            "A TaskManager silent for this long is considered lost and its tasks fail.");

    public static final ConfigOption<Long> SLOT_REQUEST_TIMEOUT = ConfigOption.longOption(
            "jobmanager.slot-request-timeout-ms", 60_000,
            "How long a stage waits for enough free slots before the job fails.");

    public static final ConfigOption<Integer> REST_PORT = ConfigOption.intOption("rest.port", 0,
            "Port of the JobManager's REST API (0 = any free port, -1 = no REST API). On YARN it is the "
                    + "application's tracking URL.");

    public static final ConfigOption<dev.spindle.runtime.config.MemorySize> REST_MAX_UPLOAD = ConfigOption.memoryOption(
            "rest.max-upload-size", "256m", "Largest jar POST /jars/upload accepts.");

    public static final ConfigOption<Long> TASKMANAGER_IDLE_TIMEOUT = ConfigOption.longOption(
            "resourcemanager.taskmanager.idle-timeout-ms", 30_000,
            "When the JobManager starts TaskManagers itself (YARN), one that ran no task for this long is "
                    + "released (-1 = never).");

    public static final ConfigOption<Integer> TASKMANAGER_MIN_COUNT = ConfigOption.intOption(
            "resourcemanager.taskmanager.min-count", 0,
            "TaskManagers kept running even when idle; a YARN session starts this many up front "
                    + "(bin/yarn-session -n).");

    private JobManagerOptions() {
    }
}
