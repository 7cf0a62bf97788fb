package dev.spindle.yarn;

import dev.spindle.minihadoop.MiniHadoop;
import dev.spindle.runtime.cli.CliFrontend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A MiniDFSCluster + MiniYARNCluster for *YarnITCase classes, and a way to run bin/run's Java side
 * against it with the module's runtime classpath shipped as Spindle's runtime.
 */
final class YarnTestCluster implements AutoCloseable {

    final MiniHadoop hadoop;
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

    @Override
    public void close() {
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
