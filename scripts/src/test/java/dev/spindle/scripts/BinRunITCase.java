package dev.spindle.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        return binRunIn(Path.of(System.getProperty("spindle.home")), args);
    }

    private Result binRunIn(Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/run").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SPINDLE_LOG_DIR", dir.resolve("log").toString());
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
