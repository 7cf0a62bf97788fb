package dev.spindle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.cli.CliFrontend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/run prints the accumulators of a finished job: one sorted {@code name: value} line each, after the job ends. */
class CliAccumulatorsITCase {

    @TempDir
    Path dir;

    @Test
    void shouldPrintCountersAndAHistogramAfterTheJob() throws Exception {
        Path input = dir.resolve("in.txt");
        StringBuilder text = new StringBuilder();
        TreeMap<Integer, Integer> histogram = new TreeMap<>();
        long characters = 0;
        for (int i = 0; i < 500; i++) {
            String line = "x".repeat(i % 7);
            text.append(line).append('\n');
            histogram.merge(line.length(), 1, Integer::sum);
            characters += line.length();
        }
        Files.writeString(input, text);
        Path jar = TestJars.jarOf(AccumulatingJob.class, dir);

        CliRunner.Outcome o = CliRunner.run("-p", "2", jar.toString(), input.toString(), dir.resolve("out").toString());

        assertEquals(CliFrontend.SUCCESS, o.exitCode(), o.stderr());
        List<String> lines = o.stdout().lines().toList();
        assertEquals(5, lines.size(), o.stdout());
        assertTrue(lines.get(0).matches("jobId=[0-9a-f]{32}"), lines.get(0));
        assertEquals("characters: " + characters, lines.get(1));
        assertTrue(lines.get(2).matches("lengths: \\[(\\d, ){10}\\.\\.\\. \\(500 elements\\)]"), lines.get(2));
        assertEquals("line-lengths: " + histogram, lines.get(3));
        assertEquals("lines: 500", lines.get(4));
    }
}
