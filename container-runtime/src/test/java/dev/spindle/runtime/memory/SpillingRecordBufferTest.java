package dev.spindle.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.RecordIterator;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillingRecordBufferTest {

    private static final TypeSerializer<String> STRINGS = Serializers.forClass(String.class);

    @TempDir
    Path tmp;

    /**
     * Records of 0 to 3,000 characters in 8 pages of 1 KiB: some straddle pages, most go to the spill
     * file. Read with tags, the buffer skips exactly the rejected records in either part, again and
     * again, and unfiltered it returns all of them.
     */
    @Test
    void shouldSkipRecordsByTagInMemoryAndInTheSpillFile() throws Exception {
        MemoryManager memory = new MemoryManager(16 << 10, 1024, 1);
        List<MemorySegment> pages = memory.allocatePages("test", 9);
        List<String> records = new ArrayList<>();
        try (SpillingRecordBuffer<String> buffer = new SpillingRecordBuffer<>(STRINGS, pages.subList(1, 9),
                pages.get(0), new File[] {tmp.toFile()}, "test", true)) {
            for (int i = 0; i < 400; i++) {
                String record = i + ":" + "x".repeat(i % 7 == 0 ? 1000 + i * 5 : i % 40);
                records.add(record);
                buffer.add(record, i);
            }
            assertThrows(IllegalStateException.class, () -> buffer.add("untagged"));
            buffer.finishWriting();
            assertTrue(buffer.inMemoryRecords() > 10 && buffer.spilledRecords() > 100,
                    buffer.inMemoryRecords() + " in memory, " + buffer.spilledRecords() + " spilled");

            for (int round = 0; round < 2; round++) {
                assertEquals(records, read(buffer.iterator()));
                IntPredicate everyThird = tag -> tag % 3 == 0;
                List<String> kept = read(buffer.iterator(everyThird));
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < records.size(); i += 3) {
                    expected.add(records.get(i));
                }
                assertEquals(expected, kept);
                assertEquals(List.of(), read(buffer.iterator(tag -> false)));
            }
        }
        memory.release(pages);
        assertEquals(0, tmp.toFile().list().length, "close deletes the spill file");
    }

    @Test
    void shouldKeepNoTagsInAnUntaggedBuffer() throws Exception {
        MemoryManager memory = new MemoryManager(16 << 10, 1024, 1);
        List<MemorySegment> pages = memory.allocatePages("test", 3);
        try (SpillingRecordBuffer<String> buffer = new SpillingRecordBuffer<>(STRINGS, pages.subList(1, 3),
                pages.get(0), new File[] {tmp.toFile()}, "test")) {
            assertThrows(IllegalStateException.class, () -> buffer.add("tagged", 1));
            for (int i = 0; i < 100; i++) {
                buffer.add("r" + i + "y".repeat(i));
            }
            buffer.finishWriting();
            assertEquals(100, read(buffer.iterator(tag -> false)).size(), "untagged records are all read");
        }
    }

    private static List<String> read(RecordIterator<String> iterator) throws Exception {
        List<String> out = new ArrayList<>();
        String record;
        while ((record = iterator.next()) != null) {
            out.add(record);
        }
        assertNull(iterator.next(), "an ended iterator stays ended");
        return out;
    }
}
