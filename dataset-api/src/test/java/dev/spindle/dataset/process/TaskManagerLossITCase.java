package dev.spindle.dataset.process;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.dataset.ExecutionEnvironment;
import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.runtime.client.JobExecutionException;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.cluster.LocalClusterOptions;
import dev.spindle.runtime.cluster.ProcessResourceDriver;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.jobmanager.JobManagerOptions;
import dev.spindle.runtime.jobmanager.RestartStrategy;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A TaskManager process dies, or hangs, while a job runs: the job fails with a message naming the
 * lost TaskManager instead of waiting forever.
 */
class TaskManagerLossITCase {

    private static Configuration clusterConf() {
        return new Configuration()
                .set(LocalClusterOptions.TASK_MANAGERS, 2)
                .set(LocalClusterOptions.TASK_MANAGER_PROCESSES, true)
                .set(LocalClusterOptions.TASK_MANAGER_JVM_OPTIONS, "-Xmx256m")
                .set(TaskManagerOptions.NUM_SLOTS, 1)
                .set(JobManagerOptions.HEARTBEAT_TIMEOUT, 3000L)
                .set(RestartStrategy.Options.STRATEGY, RestartStrategy.Kind.NONE);
    }

    @Test
    void shouldFailTheJobWhenATaskManagerDies() throws Exception {
        assertLossFailsJob(Process::destroyForcibly, "probably died");
    }

    @Test
    void shouldFailTheJobWhenATaskManagerStopsHeartbeating() throws Exception {
        assertLossFailsJob(p -> signal(p, "STOP"), "missed heartbeats");
    }

    private static void signal(Process p, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertLossFailsJob(java.util.function.Consumer<Process> loss, String expected) throws Exception {
        Configuration conf = clusterConf();
        try (LocalCluster cluster = LocalCluster.start(conf)) {
            ExecutionEnvironment env = ExecutionEnvironment.create(new EmbeddedJobExecutor(conf, cluster));
            env.setParallelism(2);
            CompletableFuture<Long> job = CompletableFuture.supplyAsync(() -> {
                try {
                    return env.createInput(new TestingSources.OneRecordThenHold(60_000), "Slow",
                            Serializers.forClass(Long.class)).rebalance().count();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(3000);
            Process victim = ((ProcessResourceDriver) cluster.resourceDriver()).processes().get(1);
            loss.accept(victim);
            try {
                Exception e = assertThrows(Exception.class, () -> job.get(60, TimeUnit.SECONDS));
                Throwable cause = e.getCause().getCause();
                assertTrue(cause instanceof JobExecutionException, "expected a job failure, got " + e);
                assertTrue(cause.getMessage().contains("TaskManager"), cause.getMessage());
                assertTrue(cause.getMessage().contains(expected), cause.getMessage());
            } finally {
                victim.destroyForcibly();
            }
        }
    }
}
