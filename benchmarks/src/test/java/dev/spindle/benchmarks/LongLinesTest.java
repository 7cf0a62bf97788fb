package dev.spindle.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LongLineWriter} and {@link LongLineReader}, and the {@link VertexIndex} that numbers what they read. */
class LongLinesTest {

    @TempDir
    Path dir;

    @Test
    void shouldFormatLongsByHand() throws IOException {
        Path file = dir.resolve("lines");
        try (LongLineWriter out = new LongLineWriter(file)) {
            out.writeLine(0, 7);
            out.writeLine(-1, 1234567890123L);
            out.writeLine(Long.MAX_VALUE, Long.MIN_VALUE);
            out.writeLine(42);
            out.writeLine(-10, "0.250000000");
        }
        assertEquals("0\t7\n-1\t1234567890123\n9223372036854775807\t-9223372036854775808\n42\n-10\t0.250000000\n",
                Files.readString(file));
    }

    @Test
    void shouldReadBackWhatWriterWrote() throws IOException {
        Path file = dir.resolve("pairs");
        List<Long> values = List.of(0L, 7L, -1L, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE + 1, 10L, -10L);
        try (LongLineWriter out = new LongLineWriter(file)) {
            for (int i = 0; i < values.size(); i += 2) {
                out.writeLine(values.get(i), values.get(i + 1));
            }
        }
        List<Long> read = new ArrayList<>();
        assertEquals(4, LongLineReader.read(file, 2, f -> {
            read.add(f[0]);
            read.add(f[1]);
        }));
        assertEquals(values, read);
    }

    @Test
    void shouldAcceptCrLfEmptyLinesMissingLastNewlineAndDirectoriesOfParts() throws IOException {
        Files.writeString(dir.resolve("part-0"), "1\t2\r\n\n3 4\n");
        Files.writeString(dir.resolve("part-1"), "5\t6");
        Files.writeString(dir.resolve("_COMPLETE"), "not data");
        Files.writeString(dir.resolve(".part-2.crc"), "not data");
        List<Long> read = new ArrayList<>();
        assertEquals(3, LongLineReader.read(dir, 2, f -> read.add(f[0] * 10 + f[1])));
        assertEquals(List.of(12L, 34L, 56L), read);
    }

    @Test
    void shouldNameFileAndLineOfMalformedLine() throws IOException {
        Path file = dir.resolve("bad");
        for (String content : List.of("1\t2\n3\n", "1\t2\n3\t4\t5\n", "1\t2\n3\tx\n", "1\t2\n3\t\t4\n")) {
            Files.writeString(file, content);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LongLineReader.read(file, 2, f -> { }));
            assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
        }
    }

    @Test
    void shouldNumberIdsDenselyInOrderOfFirstAppearance() {
        VertexIndex index = new VertexIndex(4);
        for (long id = 0; id < 100_000; id++) {
            assertEquals((int) id, index.add(id * 1_000_003L - 50_000_000L));
        }
        assertEquals(5, index.add(5 * 1_000_003L - 50_000_000L));
        assertEquals(100_000, index.size());
        assertEquals(-1, index.indexOf(7));
        assertEquals(99_999, index.indexOf(99_999 * 1_000_003L - 50_000_000L));
        assertEquals(-50_000_000L, index.ids()[0]);
        assertEquals(-50_000_000L + 1_000_003L, index.id(1));
    }
}
