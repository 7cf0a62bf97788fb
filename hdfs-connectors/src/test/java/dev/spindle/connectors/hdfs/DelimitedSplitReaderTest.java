package dev.spindle.connectors.hdfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DelimitedSplitReaderTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "delimiter {0}")
    @ValueSource(strings = {"\n", "\r\n", "<|>"})
    void shouldReadEveryRecordExactlyOnceWithItsLineNumberWhateverTheSplitsAndBuffers(String delimiter)
            throws IOException {
        Random random = new Random(delimiter.hashCode());
        for (boolean finalDelimiter : new boolean[] {true, false}) {
            List<String> records = randomRecords(random, delimiter, 60);
            records.add("last"); // an empty last record without a final delimiter would be no record
            Path file = write(records, delimiter, finalDelimiter);
            long length = Files.size(file);
            for (long splitSize : new long[] {1, 3, 64, length}) {
                for (int bufferSize : new int[] {1, 4096}) {
                    String setting = "split size " + splitSize + ", buffer " + bufferSize + ", final delimiter "
                            + finalDelimiter;
                    assertEquals(records, readAll(file, delimiter, splitSize, bufferSize, true), setting);
                }
            }
        }
    }

    /** The eight-bytes-at-a-time search finds the first delimiter at every position, and only in range. */
    @Test
    void shouldFindASingleByteDelimiterAtEveryPositionOfARange() {
        byte[] newline = {'\n'};
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at < length; at++) {
                byte[] b = new byte[length + 2];
                // Bytes that the bit trick might confuse with the delimiter: one above, one below, 0x80.
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (i % 3 == 0 ? '\n' + 1 : i % 3 == 1 ? '\n' - 1 : 0x8A);
                }
                b[1 + at] = '\n';
                if (at + 1 < length) {
                    b[2 + at] = '\n';
                }
                b[0] = '\n';
                b[length + 1] = '\n';
                assertEquals(1 + at, DelimitedSplitReader.indexOf(b, 1, 1 + length, newline), "length " + length);
                b[1 + at] = 'x';
                int expected = at + 1 < length ? 2 + at : -1;
                assertEquals(expected, DelimitedSplitReader.indexOf(b, 1, 1 + length, newline), "length " + length);
            }
        }
    }

    @Test
    void shouldGiveAFileWithoutDelimitersToTheFirstSplitOnly() throws IOException {
        Path file = tempDir.resolve("one.txt");
        Files.writeString(file, "just one record", UTF_8);

        assertEquals(List.of("just one record"), readAll(file, "\n", 4, 8, false));
    }

    @Test
    void shouldReadNothingFromAnEmptyFile() throws IOException {
        Path file = Files.createFile(tempDir.resolve("empty.txt"));
        FileInputSplit split = new FileInputSplit(0, file.toString(), 0, 0, new String[0]);

        try (DelimitedSplitReader reader = DelimitedSplitReader.open(split, "\n".getBytes(UTF_8))) {
            assertFalse(reader.next());
        }
    }

    @Test
    void shouldRejectDelimitersThatCanOverlapThemselves() {
        for (String d : new String[] {"||", "aa", "abab", "aba", ""}) {
            assertThrows(IllegalArgumentException.class, () -> DelimitedSplitReader.checkDelimiter(d.getBytes(UTF_8)), d);
        }
        for (String d : new String[] {"\n", "\r\n", "<|>", "ab", "aab"}) {
            DelimitedSplitReader.checkDelimiter(d.getBytes(UTF_8));
        }
    }

    @Test
    void shouldTellTheFirstRecordOfTheFile() throws IOException {
        Path file = write(List.of("header", "a", "b"), "\n", true);
        FileInputSplit first = new FileInputSplit(0, file.toString(), 0, 9, new String[0]);
        FileInputSplit second = new FileInputSplit(1, file.toString(), 9, Files.size(file) - 9, new String[0]);

        try (DelimitedSplitReader reader = DelimitedSplitReader.open(first, "\n".getBytes(UTF_8))) {
            assertTrue(reader.next());
            assertTrue(reader.isFirstRecordOfFile());
            assertTrue(reader.next());
            assertFalse(reader.isFirstRecordOfFile());
        }
        try (DelimitedSplitReader reader = DelimitedSplitReader.open(second, "\n".getBytes(UTF_8))) {
            assertTrue(reader.next());
            assertFalse(reader.isFirstRecordOfFile());
            assertEquals(3, reader.lineNumber());
        }
    }

    /** Records made of characters that also occur in the delimiters, without the delimiter itself. */
    private static List<String> randomRecords(Random random, String delimiter, int count) {
        String alphabet = "ab\r<|>ü";
        List<String> records = new ArrayList<>();
        while (records.size() < count) {
            int length = random.nextInt(10) == 0 ? 0 : random.nextInt(random.nextInt(10) == 0 ? 200 : 12);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String record = sb.toString();
            if (!record.contains(delimiter)) {
                records.add(record);
            }
        }
        return records;
    }

    private Path write(List<String> records, String delimiter, boolean finalDelimiter) throws IOException {
        Path file = Files.createTempFile(tempDir, "records", ".txt");
        String text = String.join(delimiter, records) + (finalDelimiter ? delimiter : "");
        Files.writeString(file, text, UTF_8);
        return file;
    }

    /** Reads all splits of the given size in order; checks line numbers on the way (in some splits: it is slow). */
    private static List<String> readAll(Path file, String delimiter, long splitSize, int bufferSize,
                                        boolean checkLineNumbers) throws IOException {
        long length = Files.size(file);
        List<String> records = new ArrayList<>();
        for (long start = 0; start < length; start += splitSize) {
            FileInputSplit split = new FileInputSplit(0, file.toString(), start, Math.min(splitSize, length - start),
                    new String[0]);
            try (DelimitedSplitReader reader = DelimitedSplitReader.open(split, delimiter.getBytes(UTF_8), bufferSize)) {
                while (reader.next()) {
                    records.add(new String(reader.bytes(), reader.start(), reader.end() - reader.start(), UTF_8));
                    if (checkLineNumbers && (start / splitSize) % 7 == 0) {
                        assertEquals(records.size(), reader.lineNumber(), "line number at split " + start);
                    }
                }
            }
        }
        return records;
    }
}
