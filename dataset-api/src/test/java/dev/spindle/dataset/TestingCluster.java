package dev.spindle.dataset;

import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.cluster.LocalClusterOptions;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded cluster shared by the tests of one ITCase class: a JobManager and one in-process
 * TaskManager with {@link #SLOTS} slots. Register it with
 * {@code @RegisterExtension static final TestingCluster cluster = new TestingCluster();}: it starts
 * before the class's tests and stops after them; in between each test asks it for fresh
 * environments that submit to it.
 */
final class TestingCluster implements BeforeAllCallback, AfterAllCallback {

    /** Slots of the cluster, and so the highest parallelism a test may ask for. */
    static final int SLOTS = 4;

    private final Configuration config = new Configuration()
            .set(TaskManagerOptions.NUM_SLOTS, SLOTS)
            .set(LocalClusterOptions.TASK_MANAGER_PROCESSES, false);
    private LocalCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster = LocalCluster.start(config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A new environment that runs its jobs on this cluster with the given default parallelism. */
    ExecutionEnvironment createEnvironment(int parallelism) {
        return ExecutionEnvironment.create(new EmbeddedJobExecutor(config, cluster)).setParallelism(parallelism);
    }
}
