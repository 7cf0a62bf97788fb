package dev.spindle.runtime.cluster;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.config.MemorySize;
import dev.spindle.runtime.jobmanager.JobManager;
import dev.spindle.runtime.memory.MemoryOptions;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.io.File;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * The embedded cluster: a JobManager and N TaskManagers, in this JVM by default or as local
 * processes ({@code local.taskmanager.processes: true}). Start with {@link #start}, submit through
 * a {@link dev.spindle.runtime.client.ClusterClient} at {@link #host()}:{@link #port()}, then close.
 */
public final class LocalCluster implements AutoCloseable {

    /**
     * Percentage of this JVM's heap that in-process TaskManagers together use as managed memory
     * unless {@code taskmanager.memory.managed.heap-percent} is set: less than a TaskManager
     * process's default, since the client and the JobManager live in this heap too.
     */
    private static final int IN_PROCESS_MANAGED_PERCENT = 30;

    private final Configuration config;
    private final JobManager jobManager;
    private final ResourceDriver driver;
    private final int numTaskManagers;
    private final int slotsPerTaskManager;
    private final File logDirectory;

    private LocalCluster(Configuration config) throws Exception {
        this.numTaskManagers = Math.max(1, config.get(LocalClusterOptions.TASK_MANAGERS));
        this.config = new Configuration(config);
        if (!config.contains(TaskManagerOptions.NUM_SLOTS)) {
            int parallelism = defaultParallelism(config);
            this.config.set(TaskManagerOptions.NUM_SLOTS, (parallelism + numTaskManagers - 1) / numTaskManagers);
        }
        this.slotsPerTaskManager = this.config.get(TaskManagerOptions.NUM_SLOTS);
        boolean processes = config.get(LocalClusterOptions.TASK_MANAGER_PROCESSES);
        if (!processes && !config.contains(MemoryOptions.MANAGED_SIZE)) {
            // In-process TaskManagers share this JVM's heap; each would otherwise claim a share of all of it.
            this.config.set(MemoryOptions.MANAGED_SIZE,
                    new MemorySize(inProcessManagedBytes(config, Runtime.getRuntime().maxMemory(), numTaskManagers)));
        }
        this.jobManager = new JobManager(this.config);
        this.logDirectory = processes ? Files.createTempDirectory("spindle-local-").toFile() : null;
        this.driver = processes ? new ProcessResourceDriver(this.config, logDirectory)
                : new InProcessResourceDriver(this.config);
    }

    /** The managed memory of each of {@code taskManagers} in-process TaskManagers sharing a heap of {@code heapBytes}. */
    static long inProcessManagedBytes(Configuration config, long heapBytes, int taskManagers) {
        int percent = config.contains(MemoryOptions.MANAGED_HEAP_PERCENT) ? MemoryOptions.heapPercent(config)
                : IN_PROCESS_MANAGED_PERCENT;
        return heapBytes * percent / 100 / taskManagers;
    }

    /** The parallelism jobs get by default here: configured, or the number of cores. */
    public static int defaultParallelism(Configuration config) {
        int p = config.get(CoreOptions.DEFAULT_PARALLELISM);
        return p > 0 ? p : Runtime.getRuntime().availableProcessors();
    }

    public static LocalCluster start(Configuration config) throws Exception {
        LocalCluster cluster = new LocalCluster(config);
        try {
            cluster.driver.requestWorkers(cluster.numTaskManagers, cluster.host(), cluster.port());
            cluster.jobManager.awaitTaskManagers(cluster.numTaskManagers).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            cluster.close();
            throw new IllegalStateException("The embedded cluster did not start: " + e
                    + (cluster.logDirectory == null ? "" : " (TaskManager logs in " + cluster.logDirectory + ")"), e);
        }
        return cluster;
    }

    public String host() {
        return jobManager.host();
    }

    public int port() {
        return jobManager.port();
    }

    /** Port of the JobManager's REST API (-1 if disabled). */
    public int restPort() {
        return jobManager.restPort();
    }

    public int totalSlots() {
        return numTaskManagers * slotsPerTaskManager;
    }

    public Configuration configuration() {
        return config;
    }

    public ResourceDriver resourceDriver() {
        return driver;
    }

    /** Where TaskManager processes log, or null when they run in this JVM. */
    public File logDirectory() {
        return logDirectory;
    }

    @Override
    public void close() {
        jobManager.close();
        driver.close();
    }
}
