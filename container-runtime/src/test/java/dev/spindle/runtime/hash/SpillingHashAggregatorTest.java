package dev.spindle.runtime.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.memory.MemoryAllocationException;
import dev.spindle.runtime.memory.MemoryManager;
import dev.spindle.runtime.serialization.BasicSerializers;
import dev.spindle.runtime.serialization.DataInputView;
import dev.spindle.runtime.serialization.DataOutputView;
import dev.spindle.runtime.serialization.TupleSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillingHashAggregatorTest {

    private static final String OWNER = "aggregate-task";
    private static final ReduceFunction<Tuple2<String, Long>> SUM = (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1);

    @TempDir
    Path tmp;

    @Test
    void shouldAggregateInMemoryWhenTheKeysFit() throws Exception {
        MemoryManager memory = new MemoryManager(4 << 20, 32 << 10, 1);
        List<Tuple2<String, Long>> input = records(50_000, 1_000, 1);
        Map<String, Long> result;
        try (SpillingHashAggregator<Tuple2<String, Long>, String> aggregator = aggregator(memory, memory.totalPages())) {
            for (Tuple2<String, Long> t : input) {
                aggregator.add(t);
            }
            result = collect(aggregator);
            assertEquals(0, aggregator.spills());
        }
        assertEquals(expectedSums(input), result);
        assertEquals(memory.totalPages(), memory.availablePages());
    }

    @Test
    void shouldAggregateManyMoreKeysThanFitIntoItsMemoryAndLeaveNoFiles() throws Exception {
        int budget = 1 << 20;
        MemoryManager memory = new MemoryManager(budget, 32 << 10, 1);
        // 400k distinct keys: about 40 MB of table entries, 40x the budget.
        List<Tuple2<String, Long>> input = records(800_000, 400_000, 2);
        Map<String, Long> result;
        try (SpillingHashAggregator<Tuple2<String, Long>, String> aggregator = aggregator(memory, memory.totalPages())) {
            for (Tuple2<String, Long> t : input) {
                aggregator.add(t);
            }
            assertTrue(aggregator.spills() > 10, "spilled " + aggregator.spills() + " times");
            assertTrue(aggregator.spilledRuns() > 0, "the sorter spilled to disk");
            assertTrue(countFiles(tmp.toFile()) > 0);
            result = collect(aggregator);
        }
        assertEquals(expectedSums(input), result);
        assertEquals(0, countFiles(tmp.toFile()), "no spill file is left behind");
        assertEquals(memory.totalPages(), memory.availablePages(), "all memory is released");
    }

    @Test
    void shouldSerializeOnlyASampleOfNewKeysWhenEverythingFits() throws Exception {
        MemoryManager memory = new MemoryManager(64 << 20, 32 << 10, 1);
        CountingSerializer serializer = new CountingSerializer(tupleSerializer());
        List<Tuple2<String, Long>> input = records(100_000, 20_000, 4);
        Map<String, Long> result;
        try (SpillingHashAggregator<Tuple2<String, Long>, String> aggregator = SpillingHashAggregator
                .<Tuple2<String, Long>, String>builder(serializer, t -> t.f0, SUM)
                .memory(memory, OWNER, memory.totalPages()).tempDirectories(tmp.toFile()).build()) {
            for (Tuple2<String, Long> t : input) {
                aggregator.add(t);
            }
            result = collect(aggregator);
            assertEquals(0, aggregator.spills());
        }
        assertEquals(expectedSums(input), result);
        int keys = result.size();
        assertTrue(serializer.serialized < keys / 8, serializer.serialized + " of " + keys + " new keys serialized");
    }

    @Test
    void shouldReleaseEverythingWhenTheReduceFunctionFails() throws Exception {
        MemoryManager memory = new MemoryManager(256 << 10, 32 << 10, 1);
        ReduceFunction<Tuple2<String, Long>> failing = (a, b) -> {
            if (a.f1 + b.f1 > 4_000_000L) {
                throw new IllegalStateException("simulated failure of the user function");
            }
            return Tuple2.of(a.f0, a.f1 + b.f1);
        };
        SpillingHashAggregator<Tuple2<String, Long>, String> aggregator = SpillingHashAggregator
                .<Tuple2<String, Long>, String>builder(tupleSerializer(), t -> t.f0, failing)
                .memory(memory, OWNER, memory.totalPages()).tempDirectories(tmp.toFile()).build();
        try {
            for (Tuple2<String, Long> t : records(200_000, 50_000, 3)) {
                aggregator.add(t);
            }
            collect(aggregator);
            fail("the reduce function should have failed");
        } catch (IllegalStateException expected) {
            assertTrue(aggregator.spills() > 0);
        } finally {
            aggregator.close();
        }
        assertEquals(0, countFiles(tmp.toFile()));
        assertEquals(memory.totalPages(), memory.availablePages());
    }

    @Test
    void shouldTakeNothingWhenTheBudgetCannotCoverItsShare() throws Exception {
        MemoryManager memory = new MemoryManager(8 * 4096, 4096, 1);
        memory.allocatePages("other", 4);
        assertThrows(MemoryAllocationException.class, () -> aggregator(memory, 6));
        assertEquals(0, memory.pagesReservedBy(OWNER));
    }

    private SpillingHashAggregator<Tuple2<String, Long>, String> aggregator(MemoryManager memory, int pages)
            throws MemoryAllocationException {
        return SpillingHashAggregator.<Tuple2<String, Long>, String>builder(tupleSerializer(), t -> t.f0, SUM)
                .memory(memory, OWNER, pages)
                .tempDirectories(tmp.resolve("a").toFile(), tmp.resolve("b").toFile())
                .build();
    }

    private static Map<String, Long> collect(SpillingHashAggregator<Tuple2<String, Long>, String> aggregator)
            throws Exception {
        Map<String, Long> out = new HashMap<>();
        aggregator.finish(t -> {
            if (out.put(t.f0, t.f1) != null) {
                fail("key " + t.f0 + " was emitted twice");
            }
        });
        return out;
    }

    /** Half of the records under one key, some under keys with one hash code, the rest over {@code keys} keys. */
    private static List<Tuple2<String, Long>> records(int n, int keys, long seed) {
        String[] sameHash = {"AaAa", "AaBB", "BBAa", "BBBB"};
        Random random = new Random(seed);
        List<Tuple2<String, Long>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String key = random.nextBoolean() ? "hot"
                    : random.nextInt(20) == 0 ? sameHash[random.nextInt(sameHash.length)] : "key-" + random.nextInt(keys);
            records.add(Tuple2.of(key, (long) random.nextInt(100)));
        }
        return records;
    }

    private static Map<String, Long> expectedSums(List<Tuple2<String, Long>> input) {
        Map<String, Long> sums = new HashMap<>();
        for (Tuple2<String, Long> t : input) {
            sums.merge(t.f0, t.f1, Long::sum);
        }
        return sums;
    }

    private static int countFiles(File dir) {
        File[] children = dir.listFiles();
        int n = 0;
        for (File child : children == null ? new File[0] : children) {
            n += child.isDirectory() ? countFiles(child) : 1;
        }
        return n;
    }

    /** Counts the records it serializes. */
    private static final class CountingSerializer implements TypeSerializer<Tuple2<String, Long>> {
        private final TypeSerializer<Tuple2<String, Long>> delegate;
        int serialized;

        CountingSerializer(TypeSerializer<Tuple2<String, Long>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void serialize(Tuple2<String, Long> record, DataOutputView out) throws IOException {
            serialized++;
            delegate.serialize(record, out);
        }

        @Override
        public Tuple2<String, Long> deserialize(DataInputView in) throws IOException {
            return delegate.deserialize(in);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeSerializer<Tuple2<String, Long>> tupleSerializer() {
        return (TypeSerializer) new TupleSerializer(Tuple2.class, new TypeSerializer<?>[] {
            BasicSerializers.StringSerializer.INSTANCE, BasicSerializers.LongSerializer.INSTANCE});
    }
}
