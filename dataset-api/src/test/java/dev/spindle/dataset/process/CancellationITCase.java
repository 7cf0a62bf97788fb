package dev.spindle.dataset.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.spindle.dataset.ExecutionEnvironment;
import dev.spindle.runtime.client.ClusterClient;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.client.JobStatus;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling a running job stops its tasks, frees its slots and removes its unfinished output. */
class CancellationITCase {

    @TempDir
    Path dir;

    @Test
    void shouldCancelARunningJobAndCleanUpItsOutput() throws Exception {
        Configuration conf = new Configuration().set(TaskManagerOptions.NUM_SLOTS, 2);
        try (LocalCluster cluster = LocalCluster.start(conf);
             ClusterClient client = new ClusterClient(cluster.host(), cluster.port())) {
            CompletableFuture<String> jobId = new CompletableFuture<>();
            CompletableFuture<JobResult> result = new CompletableFuture<>();
            JobExecutor submitting = new JobExecutor() {
                @Override
                public JobResult execute(JobGraph graph) throws Exception {
                    String id = client.submit(graph, List.of());
                    jobId.complete(id);
                    JobResult r = client.awaitResult(id);
                    result.complete(r);
                    return r;
                }

                @Override
                public int defaultParallelism() {
                    return 2;
                }

                @Override
                public Configuration configuration() {
                    return conf;
                }
            };
            Path output = dir.resolve("out");
            CompletableFuture.runAsync(() -> {
                try {
                    ExecutionEnvironment env = ExecutionEnvironment.create(submitting);
                    env.createInput(new TestingSources.OneRecordThenHold(120_000), "Slow", Serializers.forClass(Long.class))
                            .rebalance().writeAsText(output.toString());
                    env.execute("long job");
                } catch (Exception ignored) {
                    // The result is checked below.
                }
            });
            String id = jobId.get(30, TimeUnit.SECONDS);
            Thread.sleep(1000);
            client.cancel(id);
            JobResult r = result.get(30, TimeUnit.SECONDS);
            assertEquals(JobStatus.CANCELED, r.status());
            assertFalse(Files.exists(output), "the cancelled job's output directory is removed");

            ExecutionEnvironment next = ExecutionEnvironment.create(submitting);
            assertEquals(10, next.generateSequence(1, 10).count(), "the slots are free again");
        }
    }
}
