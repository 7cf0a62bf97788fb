package dev.spindle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WordCount through bin/run's Java side, on two TaskManager processes at parallelism 4. */
class WordCountITCase {

    @TempDir
    Path dir;

    @Test
    void shouldCountWordsLikeAnIndependentCount() throws Exception {
        Path input = dir.resolve("input.txt");
        writeText(input, 3 * 1024 * 1024);
        Path output = dir.resolve("counts");

        CliRunner.Outcome outcome = CliRunner.run("-p", "4", "-D", "local.taskmanagers=2",
                "-D", "local.taskmanager.processes=true", "-D", "local.taskmanager.jvm-options=-Xmx256m",
                CliRunner.examplesJar(), "--input", input.toString(), "--output", output.toString());

        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertTrue(Files.exists(output.resolve("_SUCCESS")));
        try (Stream<Path> parts = Files.list(output)) {
            assertEquals(4, parts.filter(p -> p.getFileName().toString().startsWith("part-")).count());
        }
        assertEquals(independentCount(input), readCounts(output));
    }

    private static void writeText(Path file, long bytes) throws IOException {
        String[] vocabulary = new String[5000];
        Random random = new Random(7);
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = (i % 50 == 0 ? "ünï" : "w") + Integer.toString(i, 36);
        }
        long written = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < bytes) {
                StringBuilder line = new StringBuilder();
                int words = random.nextInt(15);
                for (int w = 0; w < words; w++) {
                    // Skewed: low word ids are much more frequent.
                    int id = (int) Math.min(vocabulary.length - 1, Math.abs(random.nextGaussian()) * 300);
                    line.append(vocabulary[id]).append(random.nextInt(20) == 0 ? "  " : " ");
                }
                out.write(line.append('\n').toString());
                written += line.length();
            }
        }
    }

    private static Map<String, Long> independentCount(Path input) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
            for (String word : line.split(" ")) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static Map<String, Long> readCounts(Path output) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        try (Stream<Path> parts = Files.list(output)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                List<String> lines = Files.readAllLines(part, StandardCharsets.UTF_8);
                for (String line : lines) {
                    String[] wordAndCount = line.split("\t");
                    Long previous = counts.put(wordAndCount[0], Long.parseLong(wordAndCount[1]));
                    assertEquals(null, previous, "word " + wordAndCount[0] + " appears in two output lines");
                }
            }
        }
        return counts;
    }
}
