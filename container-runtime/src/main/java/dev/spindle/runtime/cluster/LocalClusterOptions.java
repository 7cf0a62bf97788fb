package dev.spindle.runtime.cluster;

import dev.spindle.runtime.config.ConfigOption;
import dev.spindle.runtime.config.OptionsHolder;

/** Settings of the embedded cluster that {@code bin/run} starts by default. */
public final class LocalClusterOptions implements OptionsHolder {

    public static final ConfigOption<Integer> TASK_MANAGERS = ConfigOption.intOption("local.taskmanagers", 1,
            "Number of TaskManagers of the embedded cluster.");

    public static final ConfigOption<Boolean> TASK_MANAGER_PROCESSES = ConfigOption.booleanOption(
            "local.taskmanager.processes", false,
            "Start the embedded cluster's TaskManagers as separate JVM processes (shuffle over Netty between "
                    + "them) instead of inside the client's JVM.");

    public static final ConfigOption<String> TASK_MANAGER_JVM_OPTIONS = ConfigOption.stringOption(
            "local.taskmanager.jvm-options", "-Xmx768m -XX:+UseParallelGC",
            "JVM options of TaskManager processes of the embedded cluster. The parallel (throughput) garbage "
                    + "collector suits batch jobs, which allocate a short-lived object or two per record.");

    private LocalClusterOptions() {
    }
}
