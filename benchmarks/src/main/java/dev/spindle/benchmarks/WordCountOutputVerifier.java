package dev.spindle.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a word-count job's output ({@code word<TAB>count} lines in files named {@code part-*}) and
 * checks it against expected counts.
 */
final class WordCountOutputVerifier {

    private static final int MAX_REPORTED_DIFFERENCES = 10;

    private WordCountOutputVerifier() {}

    /** Sums {@code word -> count} over all {@code part-*} files directly in {@code outputDir}. */
    static Map<String, Long> read(Path outputDir) throws IOException {
        List<Path> parts;
        try (Stream<Path> files = Files.list(outputDir)) {
            parts = files.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("No part-* files in word-count output directory " + outputDir);
        }
        Map<String, Long> counts = new HashMap<>(1 << 18);
        for (Path part : parts) {
            readPart(part, counts);
        }
        return counts;
    }

    private static void readPart(Path part, Map<String, Long> counts) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                int tab = line.lastIndexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException(part + ":" + lineNumber + ": expected word<TAB>count, got '" + line + "'");
                }
                long count;
                try {
                    count = Long.parseLong(line.substring(tab + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(part + ":" + lineNumber + ": count is not a number in '" + line + "'");
                }
                counts.merge(line.substring(0, tab), count, Long::sum);
            }
        }
    }

    /** Throws {@link IllegalStateException} listing the first differences if {@code actual != expected}. */
    static void verify(Map<String, Long> expected, Map<String, Long> actual) {
        if (expected.equals(actual)) {
            return;
        }
        List<String> differences = new ArrayList<>();
        long differing = 0;
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            Long got = actual.get(e.getKey());
            if (!e.getValue().equals(got)) {
                differing++;
                note(differences, "'" + e.getKey() + "': expected " + e.getValue() + ", spindle " + got);
            }
        }
        for (Map.Entry<String, Long> e : actual.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                differing++;
                note(differences, "'" + e.getKey() + "': not in the input, spindle " + e.getValue());
            }
        }
        throw new IllegalStateException(String.format(
                "Spindle's word count differs from the hand-written count: %,d of %,d expected / %,d reported words "
                        + "differ; first ones:%n  %s",
                differing, expected.size(), actual.size(), String.join("\n  ", differences)));
    }

    private static void note(List<String> differences, String difference) {
        if (differences.size() < MAX_REPORTED_DIFFERENCES) {
            differences.add(difference);
        }
    }
}
