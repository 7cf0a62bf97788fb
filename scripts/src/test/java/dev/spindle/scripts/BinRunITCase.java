package dev.spindle.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real bin/run script, as the README uses it. */
class BinRunITCase {

    @TempDir
    Path dir;

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private Result binRun(String... args) throws IOException, InterruptedException {
        return binRunIn(Path.of(System.getProperty("spindle.home")), Map.of(), args);
    }

    private Result binRunIn(Path home, String... args) throws IOException, InterruptedException {
        return binRunIn(home, Map.of(), args);
    }

    private Result binRunIn(Path home, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/run").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SPINDLE_LOG_DIR", dir.resolve("log").toString());
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("stdout").toFile());
        pb.redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/run did not finish");
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("stdout")), Files.readString(dir.resolve("stderr")));
    }

    @Test
    void shouldRunTheReadmeWordCount() throws Exception {
        Path home = Path.of(System.getProperty("spindle.home"));
        Path output = dir.resolve("wordcount");
        Result r = binRun(System.getProperty("spindle.examples.jar"),
                "--input", home.resolve("examples/data/hamlet.txt").toString(), "--output", output.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().matches("(?s)jobId=[0-9a-f]{32}\\s*"), r.stdout());
        assertTrue(r.stderr().contains("Job 'WordCount' finished in"), r.stderr());
        List<String> lines = new ArrayList<>();
        try (var parts = Files.list(output)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
            }
        }
        assertTrue(lines.contains("the\t5"), lines.toString());
        assertTrue(lines.contains("To\t4"), lines.toString());
        assertTrue(Files.size(dir.resolve("log/spindle-client.log")) > 0, "the client logs to its log file");
    }

    /** The build writes a class data sharing archive, and bin/run's JVM maps Spindle's classes from it. */
    @Test
    void shouldStartWithTheClassDataSharingArchiveOfTheBuild() throws Exception {
        Path home = Path.of(System.getProperty("spindle.home"));
        Path classes = dir.resolve("classes.log");
        Result r = binRunIn(home, Map.of("SPINDLE_CLIENT_JVM_OPTS", "-Xmx512m -Xlog:class+load=info:file=" + classes),
                System.getProperty("spindle.examples.jar"), "--input", home.resolve("examples/data/hamlet.txt").toString(),
                "--output", dir.resolve("wordcount").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        String log = Files.readString(classes);
        assertTrue(log.contains("dev.spindle.runtime.cli.CliFrontend source: shared objects file"),
                "CliFrontend was not loaded from the archive");
        assertTrue(log.contains("dev.spindle.runtime.task.Task source: shared objects file"),
                "the archive holds the classes of a job's run, not only of the launcher");
    }

    /**
     * A damaged archive costs start-up time only: the job runs and prints nothing about it. A
     * truncated archive (which would crash the JVM) is not even passed to it; garbage of the recorded
     * size is, and the JVM ignores it.
     */
    @Test
    void shouldRunWithADamagedClassDataSharingArchive() throws Exception {
        Path home = Path.of(System.getProperty("spindle.home"));
        Path built = home.resolve("scripts/target/spindle-cds.jsa");
        long size = Long.parseLong(Files.readString(Path.of(built + ".bytes")).trim());
        Path truncated = dir.resolve("truncated.jsa");
        try (var in = Files.newInputStream(built)) {
            Files.write(truncated, in.readNBytes((int) (size / 2)));
        }
        Files.writeString(Path.of(truncated + ".bytes"), size + "\n");
        Path garbage = dir.resolve("garbage.jsa");
        Files.write(garbage, new byte[4096]);
        Files.writeString(Path.of(garbage + ".bytes"), "4096\n");
        for (Path archive : List.of(truncated, garbage)) {
            Path output = dir.resolve("wordcount-" + archive.getFileName());
            Result r = binRunIn(home, Map.of("SPINDLE_CDS_ARCHIVE", archive.toString()),
                    System.getProperty("spindle.examples.jar"), "--input",
                    home.resolve("examples/data/hamlet.txt").toString(), "--output", output.toString());
            assertEquals(0, r.exitCode(), archive + ": " + r.stderr());
            assertTrue(r.stdout().matches("(?s)jobId=[0-9a-f]{32}\\s*"), r.stdout());
            assertTrue(Files.exists(output.resolve("_SUCCESS")));
        }
    }

    @Test
    void shouldRunFromTheBinaryDistribution() throws Exception {
        Path dist = Path.of(System.getProperty("spindle.dist"));
        Path output = dir.resolve("dist-wordcount");
        Result r = binRunIn(dist, dist.resolve("examples/spindle-examples.jar").toString(),
                "--input", dist.resolve("examples/data/hamlet.txt").toString(), "--output", output.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.exists(output.resolve("_SUCCESS")));
    }

    @Test
    void shouldExitWithTwoAndOneLineForAMissingJar() throws Exception {
        Result r = binRun(dir.resolve("missing.jar").toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("Error: Job jar not found: "), r.stderr());
    }

    @Test
    void shouldPrintUsage() throws Exception {
        Result r = binRun("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().startsWith("Usage: bin/run"), r.stdout());
    }
}
