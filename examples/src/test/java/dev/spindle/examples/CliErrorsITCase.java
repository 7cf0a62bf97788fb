package dev.spindle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.cli.CliFrontend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to bin/run: one clear line naming the problem, a non-zero exit, no output that looks complete. */
class CliErrorsITCase {

    @TempDir
    Path dir;

    @Test
    void shouldRejectAMissingJar() {
        CliRunner.Outcome o = CliRunner.run(dir.resolve("nope.jar").toString());
        assertEquals(CliFrontend.USAGE_ERROR, o.exitCode());
        assertTrue(o.stderr().startsWith("Error: Job jar not found: "), o.stderr());
        assertFalse(o.stderr().contains("\tat "), "no stack trace without -v");
    }

    @Test
    void shouldRejectAMissingMainClass() {
        CliRunner.Outcome o = CliRunner.run("-c", "com.example.Missing", CliRunner.examplesJar());
        assertEquals(CliFrontend.USAGE_ERROR, o.exitCode());
        assertTrue(o.stderr().contains("Main class com.example.Missing not found in spindle-examples.jar"), o.stderr());
    }

    @Test
    void shouldRejectBadArgumentsAndConfiguration() {
        CliRunner.Outcome noJar = CliRunner.run("-p", "2");
        assertEquals(CliFrontend.USAGE_ERROR, noJar.exitCode());
        assertTrue(noJar.stderr().startsWith("Error: No job jar given"), noJar.stderr());

        CliRunner.Outcome badParallelism = CliRunner.run("-p", "zero", CliRunner.examplesJar());
        assertEquals(CliFrontend.USAGE_ERROR, badParallelism.exitCode());
        assertTrue(badParallelism.stderr().contains("Parallelism must be a positive integer"), badParallelism.stderr());

        CliRunner.Outcome badValue = CliRunner.run("-D", "execution.buffer-timeout=soon", CliRunner.examplesJar());
        assertEquals(CliFrontend.USAGE_ERROR, badValue.exitCode());
        assertTrue(badValue.stderr().contains("Invalid value 'soon' for execution.buffer-timeout"), badValue.stderr());
    }

    @Test
    void shouldFailClearlyOnAMissingInputPath() throws Exception {
        Path output = dir.resolve("out");
        CliRunner.Outcome o = CliRunner.run(CliRunner.examplesJar(), "--input", dir.resolve("missing.txt").toString(),
                "--output", output.toString());
        assertEquals(CliFrontend.JOB_FAILED, o.exitCode());
        assertTrue(o.stderr().contains("Error: Job 'WordCount' failed: java.io.FileNotFoundException: "
                + "Input path does not exist: file:" + dir.resolve("missing.txt")), o.stderr());
        assertFalse(Files.exists(output), "no output directory is left behind");
    }

    @Test
    void shouldNameTheOperatorAndTheUserExceptionWhenAFunctionThrows() throws Exception {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "good\n".repeat(1000) + "bad\n" + "good\n".repeat(1000));
        Path output = dir.resolve("out");
        Path jar = TestJars.jarOf(FailingJob.class, dir);

        CliRunner.Outcome o = CliRunner.run("-p", "2", jar.toString(), input.toString(), output.toString());

        assertEquals(CliFrontend.JOB_FAILED, o.exitCode());
        String firstLine = o.stderr().lines().filter(l -> l.startsWith("Error:")).findFirst().orElse("");
        assertTrue(firstLine.contains("Operator 'Map (upper-case)' threw java.lang.IllegalStateException: "
                + "cannot handle record 'bad'"), o.stderr());
        if (Files.exists(output)) {
            try (Stream<Path> files = Files.list(output)) {
                assertEquals(0, files.filter(p -> !p.getFileName().toString().startsWith(".")).count(),
                        "a failed job leaves no part files and no _SUCCESS");
            }
        }
    }

    @Test
    void shouldPrintTheStackTraceWithVerbose() throws Exception {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "bad\n");
        Path jar = TestJars.jarOf(FailingJob.class, dir);
        CliRunner.Outcome o = CliRunner.run("-v", jar.toString(), input.toString(), dir.resolve("out").toString());
        assertEquals(CliFrontend.JOB_FAILED, o.exitCode());
        assertTrue(o.stderr().contains("\tat "), o.stderr());
    }
}
