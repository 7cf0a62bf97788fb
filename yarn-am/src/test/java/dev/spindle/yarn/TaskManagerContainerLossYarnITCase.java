package dev.spindle.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.examples.TestJars;
import dev.spindle.yarn.jobs.SlowJob;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TaskManager container dies while the job runs: YARN gives a new one, the job restarts and succeeds. */
class TaskManagerContainerLossYarnITCase {

    @TempDir
    Path dir;

    @Test
    void shouldRestartTheJobInANewContainerAndSucceed() throws Exception {
        try (YarnTestCluster cluster = new YarnTestCluster(dir)) {
            Path jar = TestJars.jarOf(SlowJob.class, dir);
            String output = cluster.hadoop.fileSystemUri() + "/output/slow";
            CompletableFuture<YarnTestCluster.Run> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return cluster.binRun("-m", "yarn-cluster", "-p", "2", "-s", "1", "-tm", "768", "-jm", "768",
                            "-D", "restart-strategy.fixed-delay.delay-ms=500", jar.toString(), output, dir.toString());
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long killed = killOneTaskManagerWhenTheJobRuns();
            YarnTestCluster.Run result = run.get(240, TimeUnit.SECONDS);

            assertTrue(killed > 0, "a TaskManager process was found and killed");
            assertEquals(0, result.exitCode(), result.stderr());
            assertEquals(FinalApplicationStatus.SUCCEEDED, cluster.yarn.getApplicationReport(
                    ApplicationId.fromString(result.applicationId())).getFinalApplicationStatus());
            assertEquals(4000, readNumbers(cluster.hadoop.fileSystem(), "/output/slow").size());
            cluster.awaitContainersOnNodes(0, 30_000);
        }
    }

    /**
     * Waits until both subtasks of the job process records (their marker files appear), then kills
     * one TaskManager process; returns its pid (0 if the job never ran).
     */
    private long killOneTaskManagerWhenTheJobRuns() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 150_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(dir.resolve("running-0")) && Files.exists(dir.resolve("running-1"))) {
                Thread.sleep(1000);
                List<ProcessHandle> tms = ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("TaskManagerRunner"))
                        .toList();
                if (tms.isEmpty()) {
                    return 0;
                }
                tms.get(0).destroyForcibly();
                return tms.get(0).pid();
            }
            Thread.sleep(200);
        }
        return 0;
    }

    private static Set<Long> readNumbers(FileSystem fs, String path) throws Exception {
        Set<Long> numbers = new HashSet<>();
        for (FileStatus part : fs.listStatus(new org.apache.hadoop.fs.Path(path))) {
            if (part.getPath().getName().startsWith("part-")) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(part.getPath()),
                        StandardCharsets.UTF_8))) {
                    r.lines().forEach(l -> assertTrue(numbers.add(Long.parseLong(l)), "duplicate " + l));
                }
            }
        }
        return numbers;
    }
}
