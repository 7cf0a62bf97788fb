package dev.spindle.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
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
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/run -m yarn-cluster on a MiniYARNCluster + MiniDFSCluster: one YARN application per job. */
class JobModeYarnITCase {

    @TempDir
    static Path dir;
    private static YarnTestCluster cluster;
    private static YarnClient yarn;

    @BeforeAll
    static void start() throws Exception {
        cluster = new YarnTestCluster(dir);
        yarn = cluster.yarn;
        FileSystem fs = cluster.hadoop.fileSystem();
        try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path("/input/words.txt"))) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 20_000; i++) {
                sb.append("w").append(i % 97).append(' ').append("v").append(i % 13).append('\n');
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

    private static String hdfs(String path) {
        return cluster.hadoop.fileSystemUri() + path;
    }

    @Test
    void shouldRunWordCountFromHdfsToHdfsAndSucceed() throws Exception {
        Path statusFile = dir.resolve("status.properties");
        YarnTestCluster.Run run = cluster.binRun("-m", "yarn-cluster", "-p", "2", "-s", "2", "-tm", "768", "-jm", "768",
                "--status-file", statusFile.toString(), YarnTestCluster.examplesJar(),
                "--input", hdfs("/input/words.txt"), "--output", hdfs("/output/attached"));

        assertEquals(0, run.exitCode(), run.stderr());
        String appId = run.applicationId();
        assertNotNull(appId, run.stdout());
        assertTrue(run.stdout().lines().anyMatch(l -> l.matches("jobId=[0-9a-f]{32}")), run.stdout());

        ApplicationReport report = yarn.getApplicationReport(ApplicationId.fromString(appId));
        assertEquals(FinalApplicationStatus.SUCCEEDED, report.getFinalApplicationStatus());
        assertEquals(expectedCounts(), cluster.readCounts("/output/attached"));

        Properties status = new Properties();
        try (var in = Files.newBufferedReader(statusFile)) {
            status.load(in);
        }
        assertEquals(appId, status.getProperty("applicationId"));
        assertEquals("SUCCEEDED", status.getProperty("finalStatus"));
        assertNotNull(status.getProperty("jobId"));

        FileSystem fs = cluster.hadoop.fileSystem();
        org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".spindle/" + appId);
        assertFalse(fs.exists(staging), "the staging directory is removed");
        cluster.awaitContainersOnNodes(0, 30_000);
    }

    @Test
    void shouldRunADeltaIterationWithSnapshotsOnHdfs() throws Exception {
        FileSystem fs = cluster.hadoop.fileSystem();
        StringBuilder vertices = new StringBuilder();
        StringBuilder edges = new StringBuilder();
        Map<String, Long> expected = new HashMap<>();
        for (long v = 0; v < 40; v++) {
            vertices.append(v).append('\n');
            expected.put(Long.toString(v), 0L);
            if (v > 0) {
                edges.append(v).append('\t').append(v - 1).append('\n');
            }
        }
        for (long v = 100; v < 130; v++) {
            vertices.append(v).append('\n');
            expected.put(Long.toString(v), 100L);
            if (v > 100) {
                edges.append(v - 1).append('\t').append(v).append('\n');
            }
        }
        vertices.append(500).append('\n');
        expected.put("500", 500L);
        try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path("/graph/vertices"))) {
            out.write(vertices.toString().getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path("/graph/edges"))) {
            out.write(edges.toString().getBytes(StandardCharsets.UTF_8));
        }

        YarnTestCluster.Run run = cluster.binRun("-m", "yarn-cluster", "-p", "2", "-s", "2", "-tm", "768", "-jm", "768",
                "-D", "iteration.snapshot.interval=3", "-D", "iteration.snapshot.dir=" + hdfs("/snapshots"),
                "-c", "dev.spindle.examples.graph.ConnectedComponents", YarnTestCluster.examplesJar(),
                "--vertices", hdfs("/graph/vertices"), "--edges", hdfs("/graph/edges"), "--output", hdfs("/output/cc"));

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(expected, cluster.readCounts("/output/cc"));
        org.apache.hadoop.fs.Path snapshots = new org.apache.hadoop.fs.Path("/snapshots");
        assertTrue(!fs.exists(snapshots) || fs.listStatus(snapshots).length == 0, "snapshots deleted at the end");
    }

    @Test
    void shouldReportAFailedJobAsFailedWithItsRootCause() throws Exception {
        YarnTestCluster.Run run = cluster.binRun("-m", "yarn-cluster", "-p", "1", "-tm", "768", "-jm", "768",
                YarnTestCluster.examplesJar(), "--input", hdfs("/no/such/input"), "--output", hdfs("/output/failed"));

        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("Input path does not exist"), run.stderr());
        assertTrue(run.stderr().contains("yarn logs -applicationId " + run.applicationId()), run.stderr());
        ApplicationReport report = yarn.getApplicationReport(ApplicationId.fromString(run.applicationId()));
        assertEquals(FinalApplicationStatus.FAILED, report.getFinalApplicationStatus());
        assertTrue(report.getDiagnostics().contains("Input path does not exist"), report.getDiagnostics());
        assertFalse(cluster.hadoop.fileSystem().exists(new org.apache.hadoop.fs.Path("/output/failed")));
    }

    @Test
    void shouldReturnRightAwayWhenDetached() throws Exception {
        YarnTestCluster.Run run = cluster.binRun("-m", "yarn-cluster", "-d", "-p", "2", "-s", "2", "-tm", "768",
                "-jm", "768", YarnTestCluster.examplesJar(),
                "--input", hdfs("/input/words.txt"), "--output", hdfs("/output/detached"));

        assertEquals(0, run.exitCode(), run.stderr());
        ApplicationId id = ApplicationId.fromString(run.applicationId());
        long deadline = System.currentTimeMillis() + 120_000;
        ApplicationReport report = yarn.getApplicationReport(id);
        while (report.getFinalApplicationStatus() == FinalApplicationStatus.UNDEFINED
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            report = yarn.getApplicationReport(id);
        }
        assertEquals(FinalApplicationStatus.SUCCEEDED, report.getFinalApplicationStatus());
        assertEquals(expectedCounts(), cluster.readCounts("/output/detached"));
    }

    @Test
    void shouldRejectMoreMemoryThanTheClusterAllowsWithExitCodeThree() throws Exception {
        YarnTestCluster.Run run = cluster.binRun("-m", "yarn-cluster", "-tm", "100000", YarnTestCluster.examplesJar(),
                "--input", hdfs("/input/words.txt"), "--output", hdfs("/output/too-big"));
        assertEquals(3, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("exceeds the cluster's maximum container size"), run.stderr());
    }

    @Test
    void shouldRejectAnUnknownQueueWithExitCodeThree() throws Exception {
        YarnTestCluster.Run run = cluster.binRun("-m", "yarn-cluster", "-qu", "no-such-queue", "-tm", "768", "-jm", "768",
                YarnTestCluster.examplesJar(), "--input", hdfs("/input/words.txt"), "--output", hdfs("/output/q"));
        assertEquals(3, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("no-such-queue"), run.stderr());
    }

    @Test
    void shouldFailFastWithExitCodeThreeWhenTheResourceManagerIsUnreachable() throws Exception {
        Path conf = dir.resolve("unreachable-conf");
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("yarn-site.xml"), "<configuration><property><name>yarn.resourcemanager.address"
                + "</name><value>127.0.0.1:1</value></property></configuration>");
        String previous = System.getProperty("spindle.hadoop.conf.dir");
        System.setProperty("spindle.hadoop.conf.dir", conf.toString());
        try {
            long start = System.currentTimeMillis();
            YarnTestCluster.Run run = cluster.binRun("-m", "yarn-cluster", YarnTestCluster.examplesJar(),
                    "--input", "/x", "--output", "/y");
            assertEquals(3, run.exitCode(), run.stderr());
            assertTrue(run.stderr().contains("Cannot reach the YARN ResourceManager"), run.stderr());
            assertTrue(System.currentTimeMillis() - start < 60_000, "fails within a minute");
        } finally {
            System.setProperty("spindle.hadoop.conf.dir", previous);
        }
    }

    private static Map<String, Long> expectedCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            counts.merge("w" + (i % 97), 1L, Long::sum);
            counts.merge("v" + (i % 13), 1L, Long::sum);
        }
        return counts;
    }
}
