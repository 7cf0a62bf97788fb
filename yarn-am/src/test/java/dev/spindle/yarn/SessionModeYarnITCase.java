package dev.spindle.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.examples.TestJars;
import dev.spindle.examples.TestingRestClient;
import dev.spindle.yarn.jobs.SlowJob;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/yarn-session on a MiniYARNCluster + MiniDFSCluster: one long-running application that runs
 * several jobs at once (submitted through bin/run and through REST), lists and cancels them, keeps
 * its warm minimum of TaskManagers, releases idle ones, and stops cleanly.
 */
class SessionModeYarnITCase {

    private static final long IDLE_TIMEOUT_MS = 3_000;

    @TempDir
    static Path dir;
    private static YarnTestCluster cluster;
    private static YarnClient yarn;
    private static String sessionFileSetting;

    @BeforeAll
    static void start() throws Exception {
        cluster = new YarnTestCluster(dir);
        yarn = cluster.yarn;
        sessionFileSetting = "yarn.session.properties-file=" + dir.resolve("session.properties");
        try (OutputStream out = cluster.hadoop.fileSystem().create(new org.apache.hadoop.fs.Path("/in/words.txt"))) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10_000; i++) {
                sb.append("w").append(i % 31).append('\n');
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldRunSeveralJobsListCancelReleaseIdleTaskManagersAndStop() throws Exception {
        YarnTestCluster.Run started = cluster.yarnSession("-d", "-s", "2", "-n", "1", "-tm", "768", "-jm", "768",
                "-D", sessionFileSetting, "-D", "resourcemanager.taskmanager.idle-timeout-ms=" + IDLE_TIMEOUT_MS);
        assertEquals(0, started.exitCode(), started.stderr());
        ApplicationId appId = ApplicationId.fromString(started.applicationId());
        Properties session = sessionFile();
        assertEquals(appId.toString(), session.getProperty("applicationId"));
        TestingRestClient rest = new TestingRestClient(session.getProperty("restAddress"));
        awaitTaskManagers(rest, 1); // the warm minimum comes up without any job

        // Job A (slow, detached) and job B (WordCount, attached) run at the same time.
        Path markers = Files.createDirectories(dir.resolve("markers"));
        Path slowJar = TestJars.jarOf(SlowJob.class, dir);
        YarnTestCluster.Run slow = cluster.binRun("-D", sessionFileSetting, "-d", "-p", "2", "-c",
                SlowJob.class.getName(), slowJar.toString(), hdfs("/out/slow"), markers.toString(), "1000000");
        assertEquals(0, slow.exitCode(), slow.stderr());
        assertEquals(appId.toString(), slow.applicationId(), "no -m: submitted to the recorded session");
        String slowJob = jobId(slow);
        awaitFile(markers.resolve("running-0"));

        YarnTestCluster.Run wordCount = cluster.binRun("-D", sessionFileSetting, "-p", "2",
                YarnTestCluster.examplesJar(), "--input", hdfs("/in/words.txt"), "--output", hdfs("/out/b"));
        assertEquals(0, wordCount.exitCode(), wordCount.stderr());
        assertEquals(expectedCounts(), cluster.readCounts("/out/b"));

        YarnTestCluster.Run list = cluster.binRun("-D", sessionFileSetting, "--list");
        assertEquals(0, list.exitCode(), list.stderr());
        assertTrue(list.stdout().contains(slowJob + "\tRUNNING"), list.stdout());
        assertTrue(list.stdout().contains(jobId(wordCount) + "\tFINISHED"), list.stdout());

        // Job C through REST: upload the jar, run it, follow it.
        HttpResponse<String> uploaded = rest.upload(Path.of(YarnTestCluster.examplesJar()));
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        HttpResponse<String> run = rest.postJson("/jars/" + TestingRestClient.field(uploaded.body(), "id") + "/run",
                "{\"programArgs\": \"--input " + hdfs("/in/words.txt") + " --output " + hdfs("/out/c")
                        + "\", \"parallelism\": 2}");
        assertEquals(200, run.statusCode(), run.body());
        assertEquals("FINISHED", awaitEnd(rest, TestingRestClient.field(run.body(), "jobid")));
        assertEquals(expectedCounts(), cluster.readCounts("/out/c"));

        YarnTestCluster.Run cancel = cluster.binRun("-yid", appId.toString(), "--cancel", slowJob);
        assertEquals(0, cancel.exitCode(), cancel.stderr());
        assertEquals("CANCELED", awaitEnd(rest, slowJob));
        YarnTestCluster.Run unknown = cluster.binRun("-yid", appId.toString(), "--cancel", "no-such-job");
        assertEquals(2, unknown.exitCode(), unknown.stderr());

        // Idle TaskManagers go; the warm one stays.
        awaitTaskManagers(rest, 1);
        cluster.awaitContainersOnNodes(2, 30_000); // the ApplicationMaster and the warm TaskManager
        Thread.sleep(2 * IDLE_TIMEOUT_MS);
        assertEquals("1", TestingRestClient.field(rest.get("/overview").body(), "taskmanagers"));

        YarnTestCluster.Run stopped = cluster.yarnSession("--stop", "-D", sessionFileSetting);
        assertEquals(0, stopped.exitCode(), stopped.stderr());
        ApplicationReport report = yarn.getApplicationReport(appId);
        assertEquals(YarnApplicationState.FINISHED, report.getYarnApplicationState());
        assertEquals(FinalApplicationStatus.SUCCEEDED, report.getFinalApplicationStatus());
        assertFalse(Files.exists(dir.resolve("session.properties")), "the session file is removed");
        cluster.awaitContainersOnNodes(0, 30_000);
        FileSystem fs = cluster.hadoop.fileSystem();
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".spindle/" + appId)),
                "the staging directory is removed");

        YarnTestCluster.Run afterStop = cluster.binRun("-D", sessionFileSetting, "-yid", appId.toString(),
                YarnTestCluster.examplesJar(), "--input", hdfs("/in/words.txt"), "--output", hdfs("/out/late"));
        assertEquals(3, afterStop.exitCode(), afterStop.stderr());
        assertTrue(afterStop.stderr().contains("is not running"), afterStop.stderr());
    }

    @Test
    void shouldRefuseToListWithoutASession() throws Exception {
        YarnTestCluster.Run list = cluster.binRun("-D", "yarn.session.properties-file=" + dir.resolve("none"),
                "--list");
        assertEquals(2, list.exitCode(), list.stderr());
        assertTrue(list.stderr().contains("no running cluster"), list.stderr());
    }

    private static Properties sessionFile() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("session.properties"))) {
            p.load(in);
        }
        return p;
    }

    private static String jobId(YarnTestCluster.Run run) {
        return run.stdout().lines().filter(l -> l.startsWith("jobId=")).map(l -> l.substring(6)).findFirst()
                .orElseThrow(() -> new AssertionError("no jobId in " + run.stdout()));
    }

    private static void awaitTaskManagers(TestingRestClient rest, int expected) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        String overview = "";
        while (System.currentTimeMillis() < deadline) {
            overview = rest.get("/overview").body();
            if (String.valueOf(expected).equals(TestingRestClient.field(overview, "taskmanagers"))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("expected " + expected + " TaskManager(s): " + overview);
    }

    private static String awaitEnd(TestingRestClient rest, String jobId) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        String status = "";
        while (System.currentTimeMillis() < deadline) {
            status = TestingRestClient.field(rest.get("/jobs/" + jobId).body(), "status");
            if (status.equals("FINISHED") || status.equals("FAILED") || status.equals("CANCELED")) {
                return status;
            }
            Thread.sleep(250);
        }
        return status;
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!Files.exists(file) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(file), file + " appears once the job runs");
    }

    private static String hdfs(String path) {
        return cluster.hadoop.fileSystemUri() + path;
    }

    private static Map<String, Long> expectedCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            counts.merge("w" + (i % 31), 1L, Long::sum);
        }
        return counts;
    }
}
