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
 * environments that submit to it. {@link #TestingCluster(Configuration)} adds settings, for example
 * a small {@code taskmanager.memory.managed.size} to make operators spill, or
 * {@code local.taskmanager.processes: true} (with {@code local.taskmanagers}) for the Netty path.
 */
public final class TestingCluster implements BeforeAllCallback, AfterAllCallback {

    /** Slots of the cluster, and so the highest parallelism a test may ask for. */
    public static final int SLOTS = 4;

    private final Configuration config = new Configuration()
            .set(TaskManagerOptions.NUM_SLOTS, SLOTS)
            .set(LocalClusterOptions.TASK_MANAGER_PROCESSES, false);
    private LocalCluster cluster;

    public TestingCluster() {
    }

    /** A cluster with these settings on top of the defaults (they may override the slots per TaskManager). */
    public TestingCluster(Configuration settings) {
        config.addAll(settings);
    }

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
    public ExecutionEnvironment createEnvironment(int parallelism) {
        return ExecutionEnvironment.create(new EmbeddedJobExecutor(config, cluster)).setParallelism(parallelism);
    }
}
