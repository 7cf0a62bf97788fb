package dev.spindle.minihadoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts one MiniHadoop for the class and uses it only the way another JVM would: through the
 * client configuration files it writes.
 */
class MiniHadoopTest {

    private static final int NODE_MANAGERS = 2;

    @TempDir
    static Path tempDir;

    private static MiniHadoop hadoop;
    private static Configuration fileConfiguration;

    @BeforeAll
    static void startCluster() throws IOException {
        hadoop = MiniHadoop.builder(tempDir.resolve("cluster")).nodeManagers(NODE_MANAGERS).start();
        Path clientDir = tempDir.resolve("client-conf");
        hadoop.writeClientConfiguration(clientDir);
        fileConfiguration = new Configuration(false);
        for (String file : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml")) {
            fileConfiguration.addResource(new org.apache.hadoop.fs.Path(clientDir.resolve(file).toString()));
        }
    }

    @AfterAll
    static void stopCluster() {
        if (hadoop != null) {
            hadoop.close();
        }
    }

    @Test
    void shouldServeHdfsThroughTheWrittenClientConfiguration() throws IOException {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path("/tmp/mini-hadoop-test/hello.txt");
        try (FileSystem fs = FileSystem.newInstance(fileConfiguration)) {
            assertEquals("hdfs", fs.getUri().getScheme());
            try (FSDataOutputStream out = fs.create(file)) {
                out.write("hello, hdfs".getBytes(StandardCharsets.UTF_8));
            }
            try (FSDataInputStream in = fs.open(file)) {
                assertEquals("hello, hdfs", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(hadoop.fileSystem().exists(file), "the cluster's own client sees the file");
    }

    @Test
    void shouldListRunningNodeManagersThroughTheWrittenClientConfiguration() throws Exception {
        try (YarnClient yarn = startYarnClient()) {
            List<NodeReport> nodes = yarn.getNodeReports(NodeState.RUNNING);
            assertEquals(NODE_MANAGERS, nodes.size(), nodes.toString());
            for (NodeReport node : nodes) {
                assertEquals(4096, node.getCapability().getMemorySize());
            }
        }
    }

    @Test
    void shouldLaunchContainersWithJavaHomeAndHadoopConfDir() throws Exception {
        String logDir = ApplicationConstants.LOG_DIR_EXPANSION_VAR;
        ApplicationReport report = runAsApplicationMaster(256, "\"$JAVA_HOME/bin/java\" -version 2> " + logDir
                + "/java-version.txt; echo \"$HADOOP_CONF_DIR\" > " + logDir + "/hadoop-conf-dir.txt");
        // the "ApplicationMaster" exits without registering, so the attempt and the application fail
        assertEquals(YarnApplicationState.FAILED, report.getYarnApplicationState());
        assertTrue(report.getDiagnostics().contains("exitCode: 0"), report.getDiagnostics());
        assertTrue(Files.readString(containerLogFile("java-version.txt")).contains("version"));
        assertEquals(hadoop.configurationDirectory().toString(),
                Files.readString(containerLogFile("hadoop-conf-dir.txt")).trim());
    }

    @Test
    void shouldKillContainersThatExceedTheirMemory() throws Exception {
        // tail holds its whole input until the end: about 600 MB resident for 20 s
        ApplicationReport report = runAsApplicationMaster(256, "(head -c 600m /dev/zero; sleep 20) | tail -n 1");
        assertTrue(report.getDiagnostics().contains("beyond the 'PHYSICAL' memory limit"), report.getDiagnostics());
    }

    /** Runs a shell command as the application master container; returns the final report. */
    private static ApplicationReport runAsApplicationMaster(int memoryMb, String command) throws Exception {
        try (YarnClient yarn = startYarnClient()) {
            ApplicationSubmissionContext app = yarn.createApplication().getApplicationSubmissionContext();
            app.setApplicationName("mini-hadoop-test");
            app.setMaxAppAttempts(1);
            app.setResource(Resource.newInstance(memoryMb, 1));
            app.setAMContainerSpec(ContainerLaunchContext.newInstance(
                    Map.of(), Map.of(), List.of(command), null, null, null));
            return awaitCompletion(yarn, yarn.submitApplication(app), Duration.ofSeconds(40));
        }
    }

    private static YarnClient startYarnClient() {
        YarnClient yarn = YarnClient.createYarnClient();
        yarn.init(new YarnConfiguration(fileConfiguration));
        yarn.start();
        return yarn;
    }

    private static ApplicationReport awaitCompletion(YarnClient yarn, ApplicationId id, Duration timeout)
            throws IOException, YarnException, InterruptedException {
        EnumSet<YarnApplicationState> done = EnumSet.of(
                YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);
        long deadline = System.nanoTime() + timeout.toNanos();
        ApplicationReport report = yarn.getApplicationReport(id);
        while (!done.contains(report.getYarnApplicationState())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("application not done after " + timeout + ": " + report);
            }
            Thread.sleep(100);
            report = yarn.getApplicationReport(id);
        }
        return report;
    }

    private static Path containerLogFile(String name) throws IOException {
        try (Stream<Path> files = Files.walk(hadoop.baseDirectory().resolve("yarn"))) {
            Optional<Path> file = files.filter(path -> path.getFileName().toString().equals(name)).findFirst();
            return file.orElseThrow(() -> new AssertionError("no container log " + name));
        }
    }
}
