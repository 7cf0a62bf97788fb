package dev.spindle.yarn;

import dev.spindle.minihadoop.MiniHadoop;
import dev.spindle.runtime.cli.CliFrontend;
import dev.spindle.yarn.client.YarnSessionCli;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.client.api.YarnClient;

/**
 * A MiniDFSCluster + MiniYARNCluster for *YarnITCase classes, and a way to run bin/run's Java side
 * against it with the module's runtime classpath shipped as Spindle's runtime.
 */
final class YarnTestCluster implements AutoCloseable {

    final MiniHadoop hadoop;
    /** A started client of the cluster's ResourceManager, stopped by {@link #close()}. */
    final YarnClient yarn;
    private final Path dir;

    /** What one bin/run invocation printed and returned. */
    record Run(int exitCode, String stdout, String stderr) {
        String applicationId() {
            return stdout.lines().filter(l -> l.startsWith("applicationId=")).map(l -> l.substring(14)).findFirst()
                    .orElse(null);
        }
    }

    YarnTestCluster(Path dir) throws IOException {
        this.dir = dir;
        hadoop = MiniHadoop.builder(dir.resolve("hadoop")).nodeManagers(2).start();
        hadoop.writeClientConfiguration(dir.resolve("conf"));
        System.setProperty("spindle.hadoop.conf.dir", dir.resolve("conf").toString());
        yarn = YarnClient.createYarnClient();
        yarn.init(hadoop.clientConfiguration());
        yarn.start();
    }

    static String examplesJar() {
        return System.getProperty("spindle.examples.jar");
    }

    /**
     * The jars the client ships as Spindle's runtime: this module's runtime classpath and classes,
     * plus the DataSet API (a test dependency here; part of lib/ in a real installation).
     */
    static String shipFiles() throws IOException {
        String cp = Files.readString(Path.of(System.getProperty("spindle.runtime.classpath"))).trim();
        String dataSetApi = locationOf(dev.spindle.dataset.DataSet.class);
        return cp + ":" + System.getProperty("spindle.runtime.classes") + ":" + dataSetApi;
    }

    private static String locationOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Run binRun(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("-D", "yarn.ship-files=" + shipFiles(),
                "-D", "yarn.resourcemanager.connect-timeout-ms=5000"));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CliFrontend(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(all.toArray(new String[0]));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What one bin/yarn-session invocation printed and returned. */
    Run yarnSession(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("-D", "yarn.ship-files=" + shipFiles(),
                "-D", "yarn.resourcemanager.connect-timeout-ms=5000"));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new YarnSessionCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(all.toArray(new String[0]));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Waits until the ResourceManager sees {@code expected} containers on all NodeManagers together. */
    void awaitContainersOnNodes(int expected, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int count = -1;
        while (System.currentTimeMillis() < deadline) {
            count = yarn.getNodeReports(NodeState.RUNNING).stream().mapToInt(NodeReport::getNumContainers).sum();
            if (count == expected) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("expected " + expected + " container(s) on the NodeManagers, found " + count);
    }

    /** The word counts WordCount wrote to an HDFS directory (after checking it committed). */
    Map<String, Long> readCounts(String dirPath) throws IOException {
        FileSystem fs = hadoop.fileSystem();
        if (!fs.exists(new org.apache.hadoop.fs.Path(dirPath, "_SUCCESS"))) {
            throw new AssertionError(dirPath + "/_SUCCESS is missing");
        }
        Map<String, Long> counts = new HashMap<>();
        for (FileStatus part : fs.listStatus(new org.apache.hadoop.fs.Path(dirPath))) {
            if (part.getPath().getName().startsWith("part-")) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(part.getPath()),
                        StandardCharsets.UTF_8))) {
                    r.lines().map(l -> l.split("\t")).forEach(f -> counts.put(f[0], Long.parseLong(f[1])));
                }
            }
        }
        return counts;
    }

    @Override
    public void close() {
        yarn.stop();
        System.clearProperty("spindle.hadoop.conf.dir");
        hadoop.close();
        keepContainerLogs();
    }

    /** Copies the containers' logs to target/yarn-container-logs, for reading after a failure. */
    private void keepContainerLogs() {
        Path target = Path.of("target", "yarn-container-logs");
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(f).toString();
                if (rel.contains("application_") && rel.contains("container_") && !rel.contains("filecache")
                        && !rel.endsWith(".jar") && !rel.contains("usercache")) {
                    Path copy = target.resolve(rel.substring(rel.indexOf("application_")));
                    Files.createDirectories(copy.getParent());
                    Files.copy(f, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            System.err.println("Could not keep container logs: " + e);
        }
    }
}
