package dev.spindle.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
    void shouldMatchNaiveCountOnFileWithNonAsciiAndVeryLongWords() throws IOException {
        Path file = writeMixedText(dir.resolve("mixed.txt"), 2 << 20);
        Map<String, Long> expected = naiveCount(file);
        long expectedLines = Files.readAllLines(file, StandardCharsets.UTF_8).size();

        for (int threads : new int[] {1, 2, 5}) {
            for (int bufferBytes : new int[] {7, 100, 4096, 1 << 20}) {
                HandWrittenWordCount.Result result = HandWrittenWordCount.run(file, threads, bufferBytes);
                String where = threads + " threads, " + bufferBytes + "-byte buffer";
                assertEquals(expected, result.counts(), where);
                assertEquals(expectedLines, result.lines(), where);
            }
        }
        assertEquals(expected, HandWrittenWordCount.count(file));
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

    /**
     * Random lines over a vocabulary of ASCII words, words with two-, three- and four-byte UTF-8
     * characters, words sharing their first sixteen bytes, and words of 1,500 and 5,000 bytes; runs of
     * spaces and empty lines; no newline after the last line.
     */
    private static Path writeMixedText(Path file, int approximateBytes) throws IOException {
        List<String> vocabulary = new ArrayList<>(List.of("grüße", "über", "日本語", "😀", "naïve😀café", "ß",
                "x".repeat(1500), "ü".repeat(2500), "shared-prefix-16-A", "shared-prefix-16-B", "shared-prefix-16"));
        for (int i = 0; i < 2000; i++) {
            vocabulary.add(ZipfTextGenerator.word(i));
        }
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder text = new StringBuilder();
        while (text.length() < approximateBytes) {
            int words = random.nextInt(0, 12);
            for (int w = 0; w < words; w++) {
                text.append(" ".repeat(random.nextInt(1, 4) == 1 ? 2 : 1));
                text.append(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            text.append('\n');
        }
        text.append("ünfinished last line");
        return Files.writeString(file, text, StandardCharsets.UTF_8);
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
