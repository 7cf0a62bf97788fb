package dev.spindle.runtime.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.memory.MemoryAllocationException;
import dev.spindle.runtime.memory.MemoryManager;
import dev.spindle.runtime.serialization.BasicSerializers;
import dev.spindle.runtime.serialization.DataInputView;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.DataOutputView;
import dev.spindle.runtime.serialization.TupleSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSorterTest {

    private static final String OWNER = "sort-task";
    private static final String HOT_KEY = "the-hot-key-that-holds-half-of-all-records";
    private static final Comparator<Tuple2<String, Long>> BY_KEY = Comparator.comparing(t -> t.f0);
    private static final Comparator<Tuple2<String, Long>> BY_KEY_AND_VALUE =
            BY_KEY.thenComparing(t -> t.f1, Comparator.nullsFirst(Comparator.<Long>naturalOrder()));

    @TempDir
    Path tmp;

    @Test
    void shouldSortInMemoryWithoutTouchingDisk() throws Exception {
        MemoryManager memory = new MemoryManager(4 << 20, 32 << 10, 1);
        List<Tuple2<String, Long>> input = skewedRecords(20_000, 3);
        ExternalSorter<Tuple2<String, Long>, String> sorter = sorter(memory, 128, SortKeys.byKey(t -> t.f0,
                Order.ASCENDING), 128);
        List<Tuple2<String, Long>> output;
        try {
            addAll(sorter, input);
            output = drain(sorter.finish());
            assertEquals(0, sorter.spilledRuns());
            assertEquals(0, countFiles(tmp.toFile()), "nothing was written to disk");
        } finally {
            sorter.close();
        }
        assertSortedPermutation(input, output, BY_KEY);
        assertEquals(0, memory.allocatedPages());
    }

    @Test
    void shouldGatherRecordsOfEveryLengthAcrossSmallPagesInBatches() throws Exception {
        MemoryManager memory = new MemoryManager(16 << 20, 4096, 1);
        Random random = new Random(11);
        List<Tuple2<String, Long>> input = new ArrayList<>();
        // ~2,000 page boundaries: dozens of records have their length, and many their bytes, split
        // over two pages; the count is not a multiple of the gather batch.
        for (int i = 0; i < 3 * SortBuffer.GATHER_BATCH * 100 + 7; i++) {
            input.add(Tuple2.of("k".repeat(1 + random.nextInt(200)), (long) random.nextInt()));
        }
        ExternalSorter<Tuple2<String, Long>, String> sorter = sorter(memory, memory.totalPages(),
                SortKeys.byKey(t -> t.f0, Order.ASCENDING), 128);
        try {
            addAll(sorter, input);
            List<Tuple2<String, Long>> output = drain(sorter.finish());
            assertEquals(0, sorter.spilledRuns());
            assertSortedPermutation(input, output, BY_KEY);
        } finally {
            sorter.close();
        }
    }

    @Test
    void shouldSortAnInputTenTimesTheBudgetWithSkewedKeysAndLeaveNoFiles() throws Exception {
        int budget = 1 << 20;
        MemoryManager memory = new MemoryManager(budget, 32 << 10, 1);
        List<Tuple2<String, Long>> input = skewedRecords(600_000, 11);
        assertTrue(serializedBytes(input) >= 10L * budget, "the input is at least 10x the budget");
        ExternalSorter<Tuple2<String, Long>, String> sorter = sorter(memory, memory.totalPages(),
                SortKeys.byKey(t -> t.f0, Order.ASCENDING), 128);
        List<Tuple2<String, Long>> output;
        try {
            addAll(sorter, input);
            RecordIterator<Tuple2<String, Long>> sorted = sorter.finish();
            assertTrue(sorter.spilledRuns() >= 10, "spilled " + sorter.spilledRuns() + " runs");
            assertTrue(sorter.liveSpillFiles() > 0 && countFiles(tmp.toFile()) > 0, "spill files exist while merging");
            output = drain(sorted);
        } finally {
            sorter.close();
        }
        assertEquals(0, countFiles(tmp.toFile()), "no spill file is left behind");
        assertEquals(0, memory.allocatedPages(), "all memory is released");
        assertSortedPermutation(input, output, BY_KEY);
    }

    @Test
    void shouldSortDescendingByEachFieldsOwnOrder() throws Exception {
        MemoryManager memory = new MemoryManager(256 << 10, 32 << 10, 1);
        List<Tuple2<String, Long>> input = skewedRecords(50_000, 5);
        SortKey<Tuple2<String, Long>, Object[]> key =
                SortKeys.byFields(new int[] {0, 1}, new Order[] {Order.DESCENDING, Order.ASCENDING});
        List<Tuple2<String, Long>> output = sortAll(memory, input, key, 128);
        List<Tuple2<String, Long>> expected = new ArrayList<>(input);
        Collections.sort(expected, BY_KEY.reversed().thenComparing(t -> t.f1, Comparator.nullsFirst(
                Comparator.<Long>naturalOrder())));
        assertSameSequence(expected, output);
    }

    @Test
    void shouldSortDescendingNumericKeysWithNullsLast() throws Exception {
        MemoryManager memory = new MemoryManager(128 << 10, 32 << 10, 1);
        List<Tuple2<String, Long>> input = skewedRecords(30_000, 9);
        for (int i = 0; i < input.size(); i += 97) {
            input.get(i).f1 = null;
        }
        List<Tuple2<String, Long>> output = sortAll(memory, input, SortKeys.byKey(t -> t.f1, Order.DESCENDING), 128);
        Comparator<Tuple2<String, Long>> byValueDescending = Comparator.comparing(t -> t.f1,
                Comparator.nullsLast(Comparator.<Long>reverseOrder()));
        assertSortedPermutation(input, output, byValueDescending);
        assertEquals(null, output.get(output.size() - 1).f1);
    }

    @Test
    void shouldMergeInSeveralPassesWhenRunsOutnumberTheFanIn() throws Exception {
        MemoryManager memory = new MemoryManager(16 * 4096, 4096, 1);
        List<Tuple2<String, Long>> input = skewedRecords(40_000, 13);
        ExternalSorter<Tuple2<String, Long>, Object[]> sorter = sorter(memory, memory.totalPages(),
                SortKeys.byFields(0, 1), 3);
        List<Tuple2<String, Long>> output;
        try {
            addAll(sorter, input);
            output = drain(sorter.finish());
            assertTrue(sorter.spilledRuns() > 9, "spilled " + sorter.spilledRuns() + " runs");
            assertTrue(sorter.mergePasses() >= 4, "merged in " + sorter.mergePasses() + " extra passes");
        } finally {
            sorter.close();
        }
        List<Tuple2<String, Long>> expected = new ArrayList<>(input);
        Collections.sort(expected, BY_KEY_AND_VALUE);
        assertSameSequence(expected, output);
        assertEquals(0, countFiles(tmp.toFile()));
    }

    @Test
    void shouldSortRecordsLargerThanAllOfItsMemory() throws Exception {
        MemoryManager memory = new MemoryManager(4 * 4096, 4096, 1);
        Random random = new Random(3);
        List<Tuple2<String, Long>> input = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            input.add(Tuple2.of("x".repeat(random.nextInt(random.nextBoolean() ? 40_000 : 100)), random.nextLong()));
        }
        List<Tuple2<String, Long>> output = sortAll(memory, input, SortKeys.byKey(t -> t.f1, Order.ASCENDING), 4);
        assertSortedPermutation(input, output, Comparator.comparing(t -> t.f1));
    }

    @Test
    void shouldLeaveNoFilesWhenClosedAfterAFailureWhileAdding() throws Exception {
        MemoryManager memory = new MemoryManager(256 << 10, 32 << 10, 1);
        TestingFailingSerializer serializer = new TestingFailingSerializer(40_000, Long.MAX_VALUE);
        ExternalSorter<Tuple2<String, Long>, String> sorter = ExternalSorter.builder(serializer,
                SortKeys.<Tuple2<String, Long>, String>byKey(t -> t.f0, Order.ASCENDING))
                .memory(memory, OWNER, 8).tempDirectories(tmp.toFile()).build();
        try {
            addAll(sorter, skewedRecords(50_000, 17));
            fail("the serializer should have failed");
        } catch (IOException expected) {
            assertTrue(sorter.spilledRuns() > 0, "the failure came after spilling");
            assertTrue(countFiles(tmp.toFile()) > 0);
        } finally {
            sorter.close();
        }
        assertEquals(0, countFiles(tmp.toFile()));
        assertEquals(0, memory.allocatedPages());
    }

    @Test
    void shouldLeaveNoFilesWhenClosedAfterAFailureWhileMerging() throws Exception {
        MemoryManager memory = new MemoryManager(256 << 10, 32 << 10, 1);
        // Long keys decide on their prefix: only the final merge deserializes, to hand records out.
        TestingFailingSerializer serializer = new TestingFailingSerializer(Long.MAX_VALUE, 20_000);
        ExternalSorter<Tuple2<String, Long>, Long> sorter = ExternalSorter.builder(serializer,
                SortKeys.<Tuple2<String, Long>, Long>byKey(t -> t.f1, Order.ASCENDING))
                .memory(memory, OWNER, 8).tempDirectories(tmp.toFile()).maxFanIn(2).build();
        try {
            addAll(sorter, skewedRecords(30_000, 19));
            RecordIterator<Tuple2<String, Long>> sorted = sorter.finish();
            assertTrue(sorter.mergePasses() > 0);
            drain(sorted);
            fail("the serializer should have failed");
        } catch (IOException expected) {
            assertEquals("simulated deserialization failure", expected.getMessage());
            assertTrue(countFiles(tmp.toFile()) > 0);
        } finally {
            sorter.close();
        }
        assertEquals(0, countFiles(tmp.toFile()));
        assertEquals(0, memory.allocatedPages());
    }

    @Test
    void shouldLeaveNoFilesWhenTheResultIsAbandonedHalfRead() throws Exception {
        MemoryManager memory = new MemoryManager(128 << 10, 32 << 10, 1);
        ExternalSorter<Tuple2<String, Long>, String> sorter = sorter(memory, 4,
                SortKeys.byKey(t -> t.f0, Order.ASCENDING), 128);
        RecordIterator<Tuple2<String, Long>> sorted;
        try {
            addAll(sorter, skewedRecords(20_000, 23));
            sorted = sorter.finish();
            for (int i = 0; i < 5_000; i++) {
                sorted.next();
            }
        } finally {
            sorter.close();
        }
        assertEquals(0, countFiles(tmp.toFile()));
        assertThrows(IllegalStateException.class, sorted::next, "a closed sorter's result cannot be read");
    }

    @Test
    void shouldTakeNothingWhenTheBudgetCannotCoverIt() throws Exception {
        MemoryManager memory = new MemoryManager(4 * 4096, 4096, 1);
        memory.allocatePages("other-task", 2);
        assertThrows(MemoryAllocationException.class, () -> sorter(memory, 3,
                SortKeys.byKey(t -> t.f0, Order.ASCENDING), 128));
        assertEquals(0, memory.pagesHeldBy(OWNER));
    }

    // ---- helpers

    private <K> ExternalSorter<Tuple2<String, Long>, K> sorter(MemoryManager memory, int pages,
            SortKey<Tuple2<String, Long>, K> key, int fanIn) throws MemoryAllocationException {
        return ExternalSorter.builder(tupleSerializer(), key).memory(memory, OWNER, pages)
                .tempDirectories(tmp.resolve("a").toFile(), tmp.resolve("b").toFile()).maxFanIn(fanIn).build();
    }

    private <K> List<Tuple2<String, Long>> sortAll(MemoryManager memory, List<Tuple2<String, Long>> input,
            SortKey<Tuple2<String, Long>, K> key, int fanIn) throws Exception {
        ExternalSorter<Tuple2<String, Long>, K> sorter = sorter(memory, memory.totalPages(), key, fanIn);
        try {
            addAll(sorter, input);
            List<Tuple2<String, Long>> output = drain(sorter.finish());
            assertTrue(sorter.spilledRuns() > 0, "the input should not fit into memory");
            return output;
        } finally {
            sorter.close();
            assertEquals(0, countFiles(tmp.toFile()), "no spill file is left behind");
            assertEquals(0, memory.allocatedPages());
        }
    }

    private static int countFiles(File dir) {
        File[] children = dir.listFiles();
        int n = 0;
        for (File child : children == null ? new File[0] : children) {
            n += child.isDirectory() ? countFiles(child) : 1;
        }
        return n;
    }

    private static <K> void addAll(ExternalSorter<Tuple2<String, Long>, K> sorter, List<Tuple2<String, Long>> input)
            throws IOException {
        for (Tuple2<String, Long> record : input) {
            sorter.add(record);
        }
    }

    private static List<Tuple2<String, Long>> drain(RecordIterator<Tuple2<String, Long>> iterator) throws IOException {
        List<Tuple2<String, Long>> out = new ArrayList<>();
        for (Tuple2<String, Long> t = iterator.next(); t != null; t = iterator.next()) {
            out.add(t);
        }
        return out;
    }

    /** Half of the records under one long key, the rest spread over many keys, some short, some long. */
    private static List<Tuple2<String, Long>> skewedRecords(int n, long seed) {
        Random random = new Random(seed);
        List<Tuple2<String, Long>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String key = random.nextBoolean() ? HOT_KEY
                    : random.nextInt(4) == 0 ? "k" + random.nextInt(1000) : "key-" + random.nextInt(50_000);
            records.add(Tuple2.of(key, (long) random.nextInt(1000) - 500));
        }
        return records;
    }

    private static long serializedBytes(List<Tuple2<String, Long>> records) throws IOException {
        TypeSerializer<Tuple2<String, Long>> serializer = tupleSerializer();
        DataOutputSerializer out = new DataOutputSerializer(64);
        long total = 0;
        for (Tuple2<String, Long> t : records) {
            out.clear();
            serializer.serialize(t, out);
            total += out.length();
        }
        return total;
    }

    /** The output has the expected order (Collections.sort's) and holds exactly the input's records. */
    private static void assertSortedPermutation(List<Tuple2<String, Long>> input, List<Tuple2<String, Long>> output,
            Comparator<Tuple2<String, Long>> order) {
        assertEquals(input.size(), output.size(), "record count");
        List<Tuple2<String, Long>> expected = new ArrayList<>(input);
        Collections.sort(expected, order);
        for (int i = 0; i < expected.size(); i++) {
            if (order.compare(expected.get(i), output.get(i)) != 0) {
                fail("Record " + i + " is " + output.get(i) + ", expected a key like " + expected.get(i));
            }
        }
        List<Tuple2<String, Long>> actualAll = new ArrayList<>(output);
        Collections.sort(expected, BY_KEY_AND_VALUE);
        Collections.sort(actualAll, BY_KEY_AND_VALUE);
        assertSameSequence(expected, actualAll);
    }

    private static void assertSameSequence(List<Tuple2<String, Long>> expected, List<Tuple2<String, Long>> actual) {
        assertEquals(expected.size(), actual.size(), "record count");
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail("Record " + i + " is " + actual.get(i) + ", expected " + expected.get(i));
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeSerializer<Tuple2<String, Long>> tupleSerializer() {
        return (TypeSerializer) new TupleSerializer(Tuple2.class, new TypeSerializer<?>[] {
            BasicSerializers.StringSerializer.INSTANCE, BasicSerializers.LongSerializer.INSTANCE});
    }

    /** Serializes tuples and fails on the n-th serialization or deserialization, as a broken user type would. */
    private static final class TestingFailingSerializer implements TypeSerializer<Tuple2<String, Long>> {
        private final TypeSerializer<Tuple2<String, Long>> delegate = tupleSerializer();
        private final long failOnSerialize;
        private final long failOnDeserialize;
        private long serialized;
        private long deserialized;

        TestingFailingSerializer(long failOnSerialize, long failOnDeserialize) {
            this.failOnSerialize = failOnSerialize;
            this.failOnDeserialize = failOnDeserialize;
        }

        @Override
        public void serialize(Tuple2<String, Long> record, DataOutputView out) throws IOException {
            if (++serialized == failOnSerialize) {
                throw new IOException("simulated serialization failure");
            }
            delegate.serialize(record, out);
        }

        @Override
        public Tuple2<String, Long> deserialize(DataInputView in) throws IOException {
            if (++deserialized == failOnDeserialize) {
                throw new IOException("simulated deserialization failure");
            }
            return delegate.deserialize(in);
        }
    }
}
