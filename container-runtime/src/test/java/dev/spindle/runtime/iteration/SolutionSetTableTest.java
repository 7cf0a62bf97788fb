package dev.spindle.runtime.iteration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.runtime.memory.MemoryManager;
import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.serialization.DataInputDeserializer;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TupleSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SolutionSetTableTest {

    private static final int PAGE_SIZE = 4096;
    private static final String HINT = "raise taskmanager.memory.managed.size";

    /** Records of one key type: how to make the i-th key and a record with a key and a text. */
    private record Shape<R>(String name, TypeSerializer<R> serializer, KeySelector<R, ?> key,
            IntFunction<Object> keyNumber, BiFunction<Object, String, R> record) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Shape<Tuple2<Long, String>> LONG_KEYS = new Shape<>("Long keys",
            tupleSerializer(Tuple2.class, Long.class, String.class), t -> t.f0, i -> i * 7919L,
            (k, text) -> Tuple2.of((Long) k, text));

    private static final Shape<Tuple2<String, String>> STRING_KEYS = new Shape<>("String keys",
            tupleSerializer(Tuple2.class, String.class, String.class), t -> t.f0, i -> "key-" + i,
            (k, text) -> Tuple2.of((String) k, text));

    @SuppressWarnings("unchecked")
    private static final Shape<Tuple3<Long, String, String>> TUPLE_KEYS = new Shape<>("Tuple2 keys",
            tupleSerializer(Tuple3.class, Long.class, String.class, String.class), t -> Tuple2.of(t.f0, t.f1),
            i -> Tuple2.of((long) i / 3, "k" + i % 3),
            (k, text) -> Tuple3.of(((Tuple2<Long, String>) k).f0, ((Tuple2<Long, String>) k).f1, text));

    private final MemoryManager memory = new MemoryManager(64L << 20, PAGE_SIZE, 1);
    private final List<SolutionSetTable<?>> tables = new ArrayList<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <R> TypeSerializer<R> tupleSerializer(Class<?> tupleClass, Class<?>... fields) {
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            serializers[i] = Serializers.forClass(fields[i]);
        }
        return new TupleSerializer(tupleClass, serializers);
    }

    static Stream<Shape<?>> shapes() {
        return Stream.of(LONG_KEYS, STRING_KEYS, TUPLE_KEYS);
    }

    private <R> SolutionSetTable<R> table(Shape<R> shape, int pages) throws Exception {
        List<MemorySegment> segments = memory.allocatePages("table " + tables.size(), pages);
        SolutionSetTable<R> table = new SolutionSetTable<>(shape.serializer(), shape.key(), segments, HINT);
        tables.add(table);
        return table;
    }

    @AfterEach
    void releaseMemory() {
        tables.forEach(SolutionSetTable::close);
        memory.shutdown();
    }

    /** Texts of up to 200 characters, and one in 50 of 5,000 to 12,000 (spanning two or three pages). */
    private static String text(Random random) {
        int length = random.nextInt(50) == 0 ? 5000 + random.nextInt(7000) : random.nextInt(200);
        return "t".repeat(length) + random.nextInt(1000);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    <R> void shouldAgreeWithAHashMapUnderRandomUpsertsAndGets(Shape<R> shape) throws Exception {
        SolutionSetTable<R> table = table(shape, 2048);
        Map<Object, R> model = new HashMap<>();
        Random random = new Random(42);
        for (int op = 0; op < 100_000; op++) {
            Object key = shape.keyNumber().apply(random.nextInt(5000));
            if (random.nextInt(10) < 6) {
                R record = shape.record().apply(key, text(random));
                table.upsert(record);
                model.put(key, record);
            } else {
                assertEquals(model.get(key), table.get(key), "get of " + key + " in operation " + op);
            }
            assertEquals(model.size(), table.size());
        }
        assertHolds(model, table, shape);
        assertTrue(table.pages() <= 2048);
    }

    /** Batched upserts apply in their order (a key repeated within a batch keeps its last record), across growth. */
    @ParameterizedTest
    @MethodSource("shapes")
    <R> void shouldApplyBatchedUpsertsInTheirOrder(Shape<R> shape) throws Exception {
        SolutionSetTable<R> table = table(shape, 2048);
        assertEquals(0, table.touch(shape.keyNumber().apply(1)), "an empty table");
        SolutionSetTable<R>.Upserts upserts = table.upserts();
        Map<Object, R> model = new HashMap<>();
        Random random = new Random(7);
        for (int op = 0; op < 30_000; op++) {
            Object key = shape.keyNumber().apply(random.nextInt(op < 10_000 ? 3000 : 40));
            R record = shape.record().apply(key, text(random));
            upserts.add(record);
            model.put(key, record);
            if (random.nextInt(500) == 0) {
                upserts.flush();
                assertHolds(model, table, shape);
            }
        }
        upserts.flush();
        assertHolds(model, table, shape);
        for (Object key : model.keySet()) {
            assertTrue(table.touch(key) != 0, "a key the table holds has a chain: " + key);
        }
    }

    @Test
    void shouldReplaceARecordWithVersionsOfOtherSizes() throws Exception {
        SolutionSetTable<Tuple2<Long, String>> table = table(LONG_KEYS, 64);
        Map<Object, Tuple2<Long, String>> model = new HashMap<>();
        for (long k = 0; k < 20; k++) {
            model.put(k, Tuple2.of(k, "neighbour " + k));
            table.upsert(model.get(k));
        }
        int[] lengths = {10, 5000, 0, 9000, 10, 10, 300, 300, 12_000, 1};
        for (int i = 0; i < lengths.length; i++) {
            Tuple2<Long, String> record = Tuple2.of(7L, "x".repeat(lengths[i]) + i);
            table.upsert(record);
            model.put(7L, record);
            assertEquals(record, table.get(7L), "version " + i);
            assertEquals(20, table.size());
        }
        assertHolds(model, table, LONG_KEYS);
    }

    @Test
    void shouldGrowTheIndexThroughSeveralRehashes() throws Exception {
        SolutionSetTable<Tuple2<Long, String>> table = table(LONG_KEYS, 4096);
        Set<Integer> bucketCounts = new HashSet<>(List.of(table.buckets()));
        for (long k = 0; k < 200_000; k++) {
            table.upsert(Tuple2.of(k, "v" + k));
            bucketCounts.add(table.buckets());
        }
        assertEquals(PAGE_SIZE / 8, Collections.min(bucketCounts), "the index starts at one page");
        assertTrue(bucketCounts.size() >= 8, "rehashed to " + bucketCounts);
        assertTrue(table.buckets() >= table.size(), table.buckets() + " buckets for " + table.size() + " keys");
        for (long k = 0; k < 200_000; k++) {
            assertEquals(Tuple2.of(k, "v" + k), table.get(k));
        }
        assertNull(table.get(200_000L));
    }

    @Test
    void shouldKeepCompactingWhenTheSameKeysAreUpdatedFiftyTimes() throws Exception {
        updateTheSameKeysFiftyTimes(2.0);
    }

    @Test
    void shouldCompactWhenNoPageIsLeftThoughLittleIsGarbage() throws Exception {
        updateTheSameKeysFiftyTimes(1.25);
    }

    /** Updates 2,000 keys 50 times, in pages that hold {@code budget} times the largest live data. */
    private void updateTheSameKeysFiftyTimes(double budget) throws Exception {
        int keys = 2000;
        int maxRecordBytes = serializedSize(LONG_KEYS, Tuple2.of(Long.MAX_VALUE, "y".repeat(150)));
        int pages = (int) (budget * keys * maxRecordBytes / PAGE_SIZE) + 1;
        SolutionSetTable<Tuple2<Long, String>> table = table(LONG_KEYS, pages);
        Map<Object, Tuple2<Long, String>> model = new HashMap<>();
        Random random = new Random(7);
        List<Long> order = new ArrayList<>();
        for (long k = 0; k < keys; k++) {
            order.add(k);
        }
        for (int round = 0; round < 50; round++) {
            Collections.shuffle(order, random);
            for (long k : order) {
                Tuple2<Long, String> record = Tuple2.of(k, "y".repeat(50 + random.nextInt(101)));
                table.upsert(record);
                model.put(k, record);
            }
            assertEquals(keys, table.size());
            assertTrue(table.pages() <= pages, table.pages() + " of " + pages + " pages");
        }
        assertHolds(model, table, LONG_KEYS);
    }

    private static <R> int serializedSize(Shape<R> shape, R record) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        shape.serializer().serialize(record, out);
        return out.length();
    }

    @Test
    void shouldFailWithTheSettingToRaiseWhenTheLiveDataExceedsTheBudget() throws Exception {
        SolutionSetTable<Tuple2<Long, String>> table = table(LONG_KEYS, 16);
        Map<Object, Tuple2<Long, String>> model = new HashMap<>();
        SolutionSetFullException full = null;
        for (long k = 0; full == null; k++) {
            Tuple2<Long, String> record = Tuple2.of(k, "z".repeat(500));
            try {
                table.upsert(record);
                model.put(k, record);
            } catch (SolutionSetFullException e) {
                full = e;
                assertNull(table.get(k), "the record that did not fit");
            }
        }
        assertTrue(model.size() > 50, "held " + model.size());
        assertEquals("The solution set does not fit into its managed memory (64 KiB for " + (model.size() + 1)
                + " keys); " + HINT, full.getMessage());
        assertHolds(model, table, LONG_KEYS);

        SolutionSetFullException tooLarge = assertThrows(SolutionSetFullException.class,
                () -> table.upsert(Tuple2.of(3L, "z".repeat(100_000))));
        assertTrue(tooLarge.getMessage().endsWith(HINT), tooLarge.getMessage());
        assertHolds(model, table, LONG_KEYS);
        assertTrue(table.pages() <= 16);
    }

    @Test
    void shouldShrinkAnIndexLargerThanNeededBeforeGivingUp() throws Exception {
        SolutionSetTable<Tuple2<Long, String>> table = table(LONG_KEYS, 64);
        long k = 0;
        try {
            for (; ; k++) {
                table.upsert(Tuple2.of(k, ""));
            }
        } catch (SolutionSetFullException e) {
            assertTrue(e.getMessage().endsWith(HINT), e.getMessage());
        }
        assertEquals(k, table.size());
        assertTrue(table.buckets() <= table.size(), table.buckets() + " buckets for " + table.size() + " keys");
        for (long key = 0; key < k; key++) {
            assertEquals(Tuple2.of(key, ""), table.get(key));
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    <R> void shouldRestoreASnapshotThatEqualsTheModel(Shape<R> shape) throws Exception {
        SolutionSetTable<R> table = table(shape, 2048);
        Map<Object, R> model = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 6000; i++) {
            Object key = shape.keyNumber().apply(i % 3000);
            R record = shape.record().apply(key, text(random));
            table.upsert(record);
            model.put(key, record);
        }
        DataOutputSerializer out = new DataOutputSerializer(1024);
        table.writeTo(out);

        SolutionSetTable<R> restored = table(shape, 2048);
        restored.readFrom(new DataInputDeserializer(out.toByteArray()));
        assertHolds(model, restored, shape);
    }

    @Test
    void shouldRejectATruncatedSnapshotAndStayEmpty() throws Exception {
        byte[] snapshot = snapshotOfFiftyKeys();
        SolutionSetTable<Tuple2<Long, String>> restored = table(LONG_KEYS, 256);
        for (int cut : new int[] {0, 5, 8, 10, 12, 40, snapshot.length / 2, snapshot.length - 1}) {
            IOException e = assertThrows(IOException.class,
                    () -> restored.readFrom(new DataInputDeserializer(snapshot, 0, cut)), "cut at " + cut);
            assertTrue(e.getMessage().startsWith("The solution set snapshot is truncated: it ends "), e.getMessage());
            assertEquals(0, restored.size());
        }
        restored.readFrom(new DataInputDeserializer(snapshot));
        assertEquals(50, restored.size());
    }

    @Test
    void shouldRejectACorruptSnapshot() throws Exception {
        DataOutputSerializer negativeLength = new DataOutputSerializer(64);
        negativeLength.writeLong(1);
        negativeLength.writeInt(-5);
        DataOutputSerializer leftOver = new DataOutputSerializer(64);
        byte[] record = serialized(Tuple2.of(1L, "one"));
        leftOver.writeLong(1);
        leftOver.writeInt(record.length + 1);
        leftOver.write(record);
        leftOver.writeByte(0);
        DataOutputSerializer duplicate = new DataOutputSerializer(64);
        duplicate.writeLong(2);
        duplicate.writeInt(record.length);
        duplicate.write(record);
        duplicate.writeInt(record.length);
        duplicate.write(record);

        SolutionSetTable<Tuple2<Long, String>> restored = table(LONG_KEYS, 16);
        for (DataOutputSerializer corrupt : List.of(negativeLength, leftOver, duplicate)) {
            IOException e = assertThrows(IOException.class,
                    () -> restored.readFrom(new DataInputDeserializer(corrupt.toByteArray())));
            assertTrue(e.getMessage().startsWith("The solution set snapshot is corrupt: "), e.getMessage());
            assertEquals(0, restored.size());
        }
    }

    private static byte[] serialized(Tuple2<Long, String> record) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        LONG_KEYS.serializer().serialize(record, out);
        return out.toByteArray();
    }

    private byte[] snapshotOfFiftyKeys() throws Exception {
        SolutionSetTable<Tuple2<Long, String>> table = table(LONG_KEYS, 256);
        for (long k = 0; k < 50; k++) {
            table.upsert(Tuple2.of(k, "w".repeat(k % 10 == 0 ? 6000 : 20)));
        }
        DataOutputSerializer out = new DataOutputSerializer(1024);
        table.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void shouldVisitEveryKeyOnceAfterReplacements() throws Exception {
        SolutionSetTable<Tuple2<Long, String>> table = table(LONG_KEYS, 512);
        for (int version = 0; version < 4; version++) {
            for (long k = 0; k < 1000; k++) {
                table.upsert(Tuple2.of(k, "v".repeat((int) (k + version * 37) % 90)));
            }
        }
        Map<Long, Integer> visits = new HashMap<>();
        table.forEach(r -> visits.merge(r.f0, 1, Integer::sum));
        assertEquals(1000, visits.size());
        assertTrue(visits.values().stream().allMatch(n -> n == 1), "visited more than once: " + visits);
        assertThrows(IllegalStateException.class, () -> table.forEach(r -> table.upsert(r)));
    }

    @Test
    void shouldRejectANullKey() throws Exception {
        SolutionSetTable<Tuple2<Long, String>> table = table(LONG_KEYS, 16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.upsert(Tuple2.of(null, "no key")));
        assertEquals("A solution set record has a null key", e.getMessage());
        assertNull(table.get(null));
        assertEquals(0, table.size());
    }

    @Test
    void shouldLeaveItsPagesToTheOwnerWhenClosed() throws Exception {
        SolutionSetTable<Tuple2<Long, String>> table = table(LONG_KEYS, 16);
        table.upsert(Tuple2.of(1L, "one"));
        table.close();
        assertEquals(16, memory.pagesHeldBy("table 0"));
        assertThrows(IllegalStateException.class, () -> table.get(1L));
    }

    /** The table holds exactly the model's records: found by key, and each visited once by forEach. */
    private static <R> void assertHolds(Map<Object, R> model, SolutionSetTable<R> table, Shape<R> shape)
            throws Exception {
        assertEquals(model.size(), table.size());
        Map<Object, R> visited = new HashMap<>();
        table.forEach(record -> {
            R previous = visited.put(shape.key().getKey(record), record);
            assertNull(previous, "visited twice: " + record);
        });
        assertEquals(model, visited);
        for (Map.Entry<Object, R> entry : model.entrySet()) {
            assertEquals(entry.getValue(), table.get(entry.getKey()));
        }
    }
}
