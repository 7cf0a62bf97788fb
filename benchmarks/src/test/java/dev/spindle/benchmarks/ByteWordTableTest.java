package dev.spindle.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ByteWordTableTest {

    @Test
    void shouldCountWordsOfEveryLengthThatShareLongPrefixes() {
        ByteWordTable table = new ByteWordTable();
        Map<String, Long> expected = new HashMap<>();
        String base = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(2);
        for (int length = 1; length <= base.length(); length++) {
            for (char last : new char[] {'A', 'B'}) {
                String word = base.substring(0, length - 1) + last;
                for (int n = 0; n < length; n++) {
                    add(table, word);
                }
                expected.put(word, (long) length);
            }
        }
        assertEquals(expected, table.toMap());
        assertEquals(expected.size(), table.size());
    }

    @Test
    void shouldTellApartManyWordsThatDifferOnlyAfterSixteenBytes() {
        ByteWordTable table = new ByteWordTable();
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String word = String.format("sixteen-byte-pfx%05d", i);
            for (int n = 0; n <= i % 3; n++) {
                add(table, word);
            }
            expected.put(word, i % 3 + 1L);
        }
        assertEquals(expected, table.toMap());
    }

    @Test
    void shouldKeepCountsAcrossRehashing() {
        ByteWordTable table = new ByteWordTable();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 100_000; i++) {
                add(table, "w" + i);
            }
        }
        Map<String, Long> counts = table.toMap();
        assertEquals(100_000, counts.size());
        assertEquals(3L, counts.get("w0"));
        assertEquals(3L, counts.get("w99999"));
    }

    @Test
    void shouldReadWordsAtTheVeryEndOfTheirArray() {
        ByteWordTable table = new ByteWordTable();
        for (String word : List.of("a", "ab", "abcdefghi", "abcdefghijklmnopq", "ü")) {
            byte[] exact = word.getBytes(StandardCharsets.UTF_8);
            table.add(exact, 0, exact.length);
            byte[] padded = (" x " + word + " ").getBytes(StandardCharsets.UTF_8);
            table.add(padded, 3, exact.length);
        }
        assertEquals(Map.of("a", 2L, "ab", 2L, "abcdefghi", 2L, "abcdefghijklmnopq", 2L, "ü", 2L), table.toMap());
    }

    @Test
    void shouldMergeTables() {
        ByteWordTable left = new ByteWordTable();
        ByteWordTable right = new ByteWordTable();
        add(left, "über");
        add(left, "a-word-longer-than-sixteen-bytes");
        add(right, "a-word-longer-than-sixteen-bytes");
        add(right, "x");
        left.addAll(right);
        assertEquals(Map.of("über", 1L, "a-word-longer-than-sixteen-bytes", 2L, "x", 1L), left.toMap());
    }

    @Test
    void shouldSumByteSequencesThatDecodeToTheSameString() {
        ByteWordTable table = new ByteWordTable();
        table.add(new byte[] {(byte) 0xC3}, 0, 1);
        table.add(new byte[] {(byte) 0xFF}, 0, 1);
        assertEquals(Map.of("\uFFFD", 2L), table.toMap());
    }

    private static void add(ByteWordTable table, String word) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        table.add(bytes, 0, bytes.length);
    }
}
