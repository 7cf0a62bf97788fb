package dev.spindle.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandWrittenWordCountTest {

    @TempDir
    Path dir;

    @Test
    void shouldMatchNaiveCountOnGeneratedFile() throws IOException {
        Path file = new ZipfTextGenerator(3).generate(dir.resolve("zipf.txt"), 3L << 20).file();
        Map<String, Long> expected = naiveCount(file);

        HandWrittenWordCount.Result result = HandWrittenWordCount.run(file, 2);

        assertEquals(expected, result.counts());
        assertEquals(expected, HandWrittenWordCount.count(file));
        assertEquals(Files.readAllLines(file).size(), result.lines());
        assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), result.tokens());
    }

    @Test
    void shouldGiveSameCountsForAnyNumberOfThreads() throws IOException {
        Path file = new ZipfTextGenerator(4).generate(dir.resolve("zipf.txt"), 256 << 10).file();
        Map<String, Long> expected = naiveCount(file);
        for (int threads : new int[] {1, 3, 7, 64}) {
            assertEquals(expected, HandWrittenWordCount.run(file, threads).counts(), threads + " threads");
        }
    }

    @Test
    void shouldSkipEmptyTokensAndCountLastLineWithoutNewline() throws IOException {
        Path file = write("a b  a\n\n c a\nb   zz");

        HandWrittenWordCount.Result result = HandWrittenWordCount.run(file, 2);

        assertEquals(Map.of("a", 3L, "b", 2L, "c", 1L, "zz", 1L), result.counts());
        assertEquals(4, result.lines());
        assertEquals(7, result.tokens());
    }

    @Test
    void shouldNotSplitAWordAcrossThreadRanges() throws IOException {
        Path file = write("x\n" + "y".repeat(1000) + " z\n");
        Map<String, Long> counts = HandWrittenWordCount.count(file);
        assertEquals(Map.of("x", 1L, "y".repeat(1000), 1L, "z", 1L), counts);
    }

    @Test
    void shouldDecodeUtf8Words() throws IOException {
        Path file = write("grüße über grüße\n");
        assertEquals(Map.of("grüße", 2L, "über", 1L), HandWrittenWordCount.count(file));
    }

    @Test
    void shouldCountNothingInEmptyFile() throws IOException {
        HandWrittenWordCount.Result result = HandWrittenWordCount.run(write(""), 2);
        assertEquals(Map.of(), result.counts());
        assertEquals(0, result.lines());
    }

    @Test
    void shouldSplitRangesAtLineStarts() throws IOException {
        Path file = write("aaaa\nbb\ncccccc\nd\n");
        long[] bounds = HandWrittenWordCount.splitAtLineBoundaries(file, 3);
        assertEquals(0, bounds[0]);
        assertEquals(Files.size(file), bounds[3]);
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 1; i < 3; i++) {
            assertEquals('\n', bytes[(int) bounds[i] - 1], "boundary " + bounds[i]);
        }
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("input.txt"), content, StandardCharsets.UTF_8);
    }

    private static Map<String, Long> naiveCount(Path file) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            for (String word : line.split(" ")) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1L, Long::sum);
                }
            }
        }
        return counts;
    }
}
