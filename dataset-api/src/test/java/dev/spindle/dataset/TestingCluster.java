package dev.spindle.dataset;

import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.cluster.LocalClusterOptions;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;

/**
 * An embedded cluster shared by the tests of one ITCase class: a JobManager and one in-process
 * TaskManager with {@link #SLOTS} slots. Start it in {@code @BeforeAll}, close it in
 * {@code @AfterAll}; in between, each test asks it for fresh environments that submit to it.
 */
final class TestingCluster implements AutoCloseable {

    /** Slots of the cluster, and so the highest parallelism a test may ask for. */
    static final int SLOTS = 4;

    private final Configuration config;
    private final LocalCluster cluster;

    private TestingCluster(Configuration config, LocalCluster cluster) {
        this.config = config;
        this.cluster = cluster;
    }

    static TestingCluster start() throws Exception {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.NUM_SLOTS, SLOTS);
        config.set(LocalClusterOptions.TASK_MANAGER_PROCESSES, false);
        return new TestingCluster(config, LocalCluster.start(config));
    }

    /** A new environment that runs its jobs on this cluster with the given default parallelism. */
    ExecutionEnvironment createEnvironment(int parallelism) {
        return ExecutionEnvironment.create(new EmbeddedJobExecutor(config, cluster)).setParallelism(parallelism);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
