package dev.spindle.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipfTextGeneratorTest {

    private static final long SIZE = 4L << 20;

    @TempDir
    static Path dir;

    private static ZipfTextGenerator.GeneratedText text;
    private static List<String> lines;
    private static Map<String, Integer> counts;

    @BeforeAll
    static void generateOnce() throws IOException {
        text = new ZipfTextGenerator(7).generate(dir.resolve("zipf.txt"), SIZE);
        lines = Files.readAllLines(text.file(), StandardCharsets.US_ASCII);
        counts = new HashMap<>();
        for (String line : lines) {
            for (String word : line.split(" ")) {
                counts.merge(word, 1, Integer::sum);
            }
        }
    }

    @Test
    void shouldWriteIdenticalFilesForSameSeedAndSize() throws IOException {
        Path again = new ZipfTextGenerator(7).generate(dir.resolve("again.txt"), SIZE).file();
        assertArrayEquals(Files.readAllBytes(text.file()), Files.readAllBytes(again));
    }

    @Test
    void shouldWriteDifferentFilesForDifferentSeeds() throws IOException {
        Path other = new ZipfTextGenerator(8).generate(dir.resolve("other.txt"), 64 << 10).file();
        byte[] prefix = Arrays.copyOf(Files.readAllBytes(text.file()), (int) Files.size(other));
        assertFalse(Arrays.equals(prefix, Files.readAllBytes(other)));
    }

    @Test
    void shouldStopWithinOneLineOfTargetSize() throws IOException {
        long maxLine = ZipfTextGenerator.MAX_WORDS_PER_LINE * (ZipfTextGenerator.MAX_WORD_LENGTH + 1L);
        assertEquals(Files.size(text.file()), text.bytes());
        assertTrue(text.bytes() <= SIZE, "size " + text.bytes());
        assertTrue(text.bytes() > SIZE - maxLine, "size " + text.bytes());
    }

    @Test
    void shouldWriteWellFormedLinesOfFiveToFifteenWords() throws IOException {
        assertEquals('\n', Files.readAllBytes(text.file())[(int) text.bytes() - 1]);
        assertEquals(text.lines(), lines.size());
        long words = 0;
        for (String line : lines) {
            String[] tokens = line.split(" ", -1);
            assertTrue(tokens.length >= 5 && tokens.length <= 15, "line with " + tokens.length + " words: " + line);
            for (String token : tokens) {
                assertTrue(token.matches("[a-z]{2,12}"), "bad word '" + token + "' in line: " + line);
            }
            words += tokens.length;
        }
        assertEquals(text.words(), words);
    }

    @Test
    void shouldAverageAboutTenWordsPerLine() {
        double mean = text.words() / (double) text.lines();
        assertEquals(10.0, mean, 0.15);
    }

    @Test
    void shouldMakeMostFrequentWordAboutTwiceAsFrequentAsSecond() {
        int first = counts.getOrDefault(ZipfTextGenerator.word(0), 0);
        int second = counts.getOrDefault(ZipfTextGenerator.word(1), 0);
        int maxOfOthers = counts.entrySet().stream()
                .filter(e -> !e.getKey().equals(ZipfTextGenerator.word(0)))
                .mapToInt(Map.Entry::getValue).max().orElseThrow();
        assertEquals(second, maxOfOthers, "rank 1 should be the second most frequent word");
        assertEquals(2.0, first / (double) second, 0.15);
    }

    @Test
    void shouldDrawOnlyFromTheVocabulary() {
        Set<String> vocabulary = new HashSet<>();
        for (int rank = 0; rank < ZipfTextGenerator.VOCABULARY_SIZE; rank++) {
            vocabulary.add(ZipfTextGenerator.word(rank));
        }
        assertTrue(vocabulary.containsAll(counts.keySet()));
        assertTrue(counts.size() <= ZipfTextGenerator.VOCABULARY_SIZE);
    }

    @Test
    void shouldDeriveDistinctLowercaseWordsOfLengthTwoToTwelve() {
        Set<String> seen = new HashSet<>();
        for (int rank = 0; rank < ZipfTextGenerator.VOCABULARY_SIZE; rank++) {
            String word = ZipfTextGenerator.word(rank);
            assertTrue(word.matches("[a-z]{2,12}"), word);
            assertTrue(seen.add(word), "duplicate word " + word + " at rank " + rank);
            assertEquals(word, ZipfTextGenerator.word(rank));
        }
    }

    @Test
    void shouldWriteNothingWhenTargetIsSmallerThanALine() throws IOException {
        ZipfTextGenerator.GeneratedText tiny = new ZipfTextGenerator(7).generate(dir.resolve("tiny.txt"), 3);
        assertEquals(0, tiny.lines());
        assertEquals(0, Files.size(tiny.file()));
    }
}
