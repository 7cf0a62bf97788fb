package dev.spindle.runtime.operators.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.aggregation.AggregationException;
import dev.spindle.api.aggregation.Aggregations;
import dev.spindle.api.aggregation.FieldAggregation;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.api.tuple.Tuple8;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TupleSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.testing.OperatorTestHarness;
import dev.spindle.runtime.testing.TestingOperatorContext;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TupleAggregateOperatorTest {

    /** (key, int, long, double, float, short, BigDecimal, String). */
    private static final Class<?>[] FIELD_TYPES = {Integer.class, Integer.class, Long.class, Double.class, Float.class,
        Short.class, BigDecimal.class, String.class};

    private static final List<FieldAggregation> ALL_FIELDS = List.of(
            new FieldAggregation(Aggregations.SUM, 1), new FieldAggregation(Aggregations.SUM, 2),
            new FieldAggregation(Aggregations.SUM, 3), new FieldAggregation(Aggregations.SUM, 4),
            new FieldAggregation(Aggregations.MAX, 5), new FieldAggregation(Aggregations.SUM, 6),
            new FieldAggregation(Aggregations.MIN, 7));

    @TempDir
    Path tmp;

    @Test
    void shouldAggregateSeveralFieldsOfEveryTypeThroughCombinerAndFinalStage() throws Exception {
        List<Row> input = rows(20_000, 300, 1);
        Map<Object, Row> expected = expected(input);

        List<Row> combined = run(new TupleAggregateOperator<>(KEY, ALL_FIELDS, null, 50), input, context());
        assertTrue(combined.size() > 300, "the combiner emits whenever it holds 50 keys");
        List<Row> result = run(new TupleAggregateOperator<>(KEY, ALL_FIELDS, serializer(), 0), combined, context());

        assertSameRows(expected, byKey(result));
    }

    @Test
    void shouldSpillTheFinalStageWhenKeysExceedItsMemoryAndLeaveNoFiles() throws Exception {
        List<Row> input = rows(150_000, 60_000, 2);
        Map<Object, Row> expected = expected(input);
        TestingOperatorContext context = context().managedMemory(16, 32 << 10);
        TupleAggregateOperator<Row, Object> operator = new TupleAggregateOperator<>(KEY, ALL_FIELDS, serializer(), 0);

        List<Row> result;
        try (OperatorTestHarness<Row> harness = new OperatorTestHarness<>(() -> operator, 1, context)) {
            harness.process(0, input);
            assertTrue(operator.spills() > 3, "spilled " + operator.spills() + " times");
            assertTrue(countFiles(tmp.toFile()) > 0, "the sorter spilled to disk");
            result = new ArrayList<>(harness.finish());
        }

        assertSameRows(expected, byKey(result));
        assertEquals(0, countFiles(tmp.toFile()), "no spill file is left behind");
        assertEquals(16, context.memoryManager().availablePages(), "all memory is released");
    }

    @Test
    void shouldAggregateTheWholeInputToOneRecord() throws Exception {
        List<Row> input = rows(5_000, 10, 3);
        Row expected = expected(input.stream().map(r -> withKey(r, 0)).toList()).get(0);

        List<Row> result = run(new TupleAggregateOperator<Row, Object>(null, ALL_FIELDS, null, 0), input, context());

        assertEquals(1, result.size());
        assertEquals(expected, withKey(result.get(0), 0));
    }

    @Test
    void shouldLeaveOtherFieldsAsInSomeRecordOfTheGroup() throws Exception {
        List<Tuple3<String, Integer, Integer>> input = List.of(Tuple3.of("a", 1, 10), Tuple3.of("b", 2, 20),
                Tuple3.of("a", 3, 5));
        List<FieldAggregation> maxOfTwo = List.of(new FieldAggregation(Aggregations.MAX, 2));
        KeySelector<Tuple3<String, Integer, Integer>, Object> byName = t -> t.f0;

        List<Tuple3<String, Integer, Integer>> result = run(new TupleAggregateOperator<>(byName, maxOfTwo, null, 0),
                input, context());

        Map<Object, Tuple3<String, Integer, Integer>> perKey = new HashMap<>();
        result.forEach(t -> perKey.put(t.f0, t));
        assertEquals(Tuple3.of("b", 2, 20), perKey.get("b"));
        assertEquals(10, perKey.get("a").f2);
        assertTrue(perKey.get("a").f1 == 1 || perKey.get("a").f1 == 3, perKey.toString());
    }

    @Test
    void shouldSumLongKeyedTuplesWithoutCarriersAcrossCombinerSpillsAndFinalStage() throws Exception {
        Random random = new Random(4);
        List<Tuple3<Long, Double, Integer>> input = new ArrayList<>();
        Map<Long, Tuple3<Long, Double, Integer>> expected = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            long key = random.nextInt(30_000) * 1_000_003L;
            Tuple3<Long, Double, Integer> t = Tuple3.of(key, random.nextInt(8) / 4.0, random.nextInt(100));
            input.add(t);
            expected.merge(key, Tuple3.of(key, t.f1, t.f2), (a, b) -> Tuple3.of(key, a.f1 + b.f1, a.f2 + b.f2));
        }
        List<FieldAggregation> sums = List.of(new FieldAggregation(Aggregations.SUM, 1),
                new FieldAggregation(Aggregations.SUM, 2));
        KeySelector<Tuple3<Long, Double, Integer>, Object> first = t -> t.f0;
        TypeSerializer<Tuple3<Long, Double, Integer>> serializer = tupleSerializer(Tuple3.class, Long.class,
                Double.class, Integer.class);

        List<Tuple3<Long, Double, Integer>> combined = run(new TupleAggregateOperator<>(first, 0, sums, null, 1000),
                input, context());
        TestingOperatorContext small = context().managedMemory(16, 32 << 10);
        TupleAggregateOperator<Tuple3<Long, Double, Integer>, Object> last =
                new TupleAggregateOperator<>(first, 0, sums, serializer, 0);
        List<Tuple3<Long, Double, Integer>> result = run(last, combined, small);

        assertTrue(last.spills() > 0, "the final stage spilled");
        assertTrue(last.spills() < 30, "the table spilled " + last.spills() + " times for 30K keys");
        assertEquals(expected.size(), result.size());
        for (Tuple3<Long, Double, Integer> t : result) {
            assertEquals(expected.get(t.f0), t);
        }
    }

    /**
     * In an iteration, each superstep's operator starts its table in the array the previous one grew
     * (the same array comes back), unless that array would not fit the operator's share of managed
     * memory; the results are those of a fresh table either way.
     */
    @Test
    void shouldStartEachSuperstepsTableInTheArrayThePreviousOneGrew() throws Exception {
        Random random = new Random(6);
        List<Tuple2<Long, Long>> superstep1 = new ArrayList<>();
        List<Tuple2<Long, Long>> superstep2 = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            superstep1.add(Tuple2.of((long) random.nextInt(20_000), (long) random.nextInt()));
            superstep2.add(Tuple2.of((long) random.nextInt(20_000) * 7, (long) random.nextInt()));
        }
        List<FieldAggregation> min = List.of(new FieldAggregation(Aggregations.MIN, 1));
        KeySelector<Tuple2<Long, Long>, Object> first = t -> t.f0;
        TestingOperatorContext iteration = context().managedMemory(64, 32 << 10).keepingArrays();

        assertEquals(minima(superstep1), asMap(run(new TupleAggregateOperator<>(first, 0, min, null, 0),
                superstep1, iteration)));
        long[] grown = iteration.takeKeptArray();
        assertTrue(grown != null && grown.length > 2 * 20_000, "the table grew for 20K keys");
        iteration.keepForNextSuperstep(grown);
        assertEquals(minima(superstep2), asMap(run(new TupleAggregateOperator<>(first, 0, min, null, 0),
                superstep2, iteration)));
        assertTrue(grown == iteration.takeKeptArray(), "the second table took over the first one's array");

        TestingOperatorContext smaller = context().managedMemory(4, 32 << 10).keepingArrays();
        smaller.keepForNextSuperstep(grown);
        assertEquals(minima(superstep2), asMap(run(new TupleAggregateOperator<>(first, 0, min, null, 0),
                superstep2, smaller)));
        assertTrue(grown != smaller.takeKeptArray(), "an array larger than the share is not taken over");
    }

    private static Map<Long, Long> minima(List<Tuple2<Long, Long>> input) {
        Map<Long, Long> minima = new HashMap<>();
        input.forEach(t -> minima.merge(t.f0, t.f1, Math::min));
        return minima;
    }

    private static Map<Long, Long> asMap(List<Tuple2<Long, Long>> output) {
        Map<Long, Long> map = new HashMap<>();
        output.forEach(t -> assertNull(map.put(t.f0, t.f1), "key " + t.f0 + " once"));
        return map;
    }

    @Test
    void shouldTakeMinimaAndMaximaWithoutCarriersAsWithThem() throws Exception {
        Random random = new Random(5);
        List<Tuple3<Long, Long, Double>> input = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double d = switch (random.nextInt(50)) {
                case 0 -> Double.NaN;
                case 1 -> -0.0;
                case 2 -> 0.0;
                default -> random.nextGaussian();
            };
            input.add(Tuple3.of((long) random.nextInt(500), random.nextLong(), d));
        }
        List<FieldAggregation> minMax = List.of(new FieldAggregation(Aggregations.MIN, 1),
                new FieldAggregation(Aggregations.MAX, 2));
        KeySelector<Tuple3<Long, Long, Double>, Object> first = t -> t.f0;

        List<Tuple3<Long, Long, Double>> withoutCarriers = run(
                new TupleAggregateOperator<>(first, 0, minMax, null, 0), input, context());
        List<Tuple3<Long, Long, Double>> withCarriers = run(
                new TupleAggregateOperator<>(first, -1, minMax, null, 0), input, context());

        Map<Long, Tuple3<Long, Long, Double>> expected = new HashMap<>();
        withCarriers.forEach(t -> expected.put(t.f0, t));
        assertEquals(500, expected.size());
        assertEquals(500, withoutCarriers.size());
        for (Tuple3<Long, Long, Double> t : withoutCarriers) {
            Tuple3<Long, Long, Double> e = expected.get(t.f0);
            assertEquals(e.f1, t.f1, "minimum of key " + t.f0);
            assertEquals(0, Double.compare(e.f2, t.f2), "maximum of key " + t.f0 + ": " + e.f2 + " vs " + t.f2);
        }
    }

    @Test
    void shouldGiveGroupsCarriersOnceARecordDoesNotFitWithoutOne() throws Exception {
        // Long keys first (no carriers), then a null key, which cannot be kept inline.
        List<Tuple2<Long, Long>> input = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            input.add(Tuple2.of((long) (i % 700), 1L));
        }
        input.add(Tuple2.of(null, 5L));
        input.add(Tuple2.of(null, 6L));
        input.add(Tuple2.of(3L, 100L));
        KeySelector<Tuple2<Long, Long>, Object> first = t -> t.f0;
        List<FieldAggregation> sumOfOne = List.of(new FieldAggregation(Aggregations.SUM, 1));

        List<Tuple2<Long, Long>> result = run(new TupleAggregateOperator<>(first, 0, sumOfOne, null, 0), input,
                context());

        Map<Long, Long> sums = new HashMap<>();
        result.forEach(t -> assertNull(sums.put(t.f0, t.f1), "key " + t.f0 + " emitted twice"));
        assertEquals(701, sums.size());
        assertEquals(11L, sums.get(null));
        assertEquals(105L, sums.get(3L), "3000 records over 700 keys: key 3 has 5 ones, then 100");
        assertEquals(4L, sums.get(699L));
    }

    @Test
    void shouldKeepTheClassOfTupleSubclassesWhoseGroupsNeedCarriers() throws Exception {
        List<Pair> input = List.of(new Pair(1L, 2L), new Pair(1L, 3L), new Pair(2L, 4L));
        KeySelector<Pair, Object> first = t -> t.f0;
        List<FieldAggregation> sumOfOne = List.of(new FieldAggregation(Aggregations.SUM, 1));

        List<Pair> result = run(new TupleAggregateOperator<>(first, 0, sumOfOne, null, 0), input, context());

        Map<Long, Long> sums = new HashMap<>();
        for (Pair p : result) {
            assertEquals(Pair.class, p.getClass());
            sums.put(p.f0, p.f1);
        }
        assertEquals(Map.of(1L, 5L, 2L, 4L), sums);
    }

    @Test
    void shouldPassRecordsThroughACombinerWhoseFirstFullTableBarelyCombined() throws Exception {
        // 1000 distinct keys first: the first full table (100 keys) combined nothing.
        List<Tuple2<Long, Long>> input = new ArrayList<>();
        for (long k = 0; k < 1000; k++) {
            input.add(Tuple2.of(k, 1L));
        }
        for (int i = 0; i < 500; i++) {
            input.add(Tuple2.of(7L, 1L));
        }
        KeySelector<Tuple2<Long, Long>, Object> first = t -> t.f0;
        List<FieldAggregation> sumOfOne = List.of(new FieldAggregation(Aggregations.SUM, 1));

        List<Tuple2<Long, Long>> passed = run(new TupleAggregateOperator<>(first, 0, sumOfOne, null, 100), input,
                context());

        assertEquals(1500, passed.size(), "every record passes through");
        assertEquals(1500L, passed.stream().mapToLong(t -> t.f1).sum());

        // 80 keys five times, then the same 1000 distinct keys: the first full table combined 420 records
        // into 100 keys, so the combiner goes on combining (it decides once).
        List<Tuple2<Long, Long>> repeated = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            repeated.add(Tuple2.of((long) (i % 80), 1L));
        }
        for (long k = 80; k < 1180; k++) {
            repeated.add(Tuple2.of(k, 1L));
        }
        List<Tuple2<Long, Long>> combined = run(new TupleAggregateOperator<>(first, 0, sumOfOne, null, 100),
                repeated, context());
        assertEquals(1180, combined.size(), "one record per key");
        assertEquals(1500L, combined.stream().mapToLong(t -> t.f1).sum());
    }

    /**
     * A combiner emits before its table would outgrow its share of managed memory, with or without
     * carriers, however many keys {@code maxEntries} allows, and releases its reservation at the end.
     * Without a share only {@code maxEntries} bounds it.
     */
    @Test
    void shouldEmitACombinersTableBeforeItOutgrowsItsShareOfManagedMemory() throws Exception {
        int keys = 50_000;
        List<Tuple2<Long, Long>> longKeyed = new ArrayList<>();
        List<Tuple2<String, Long>> stringKeyed = new ArrayList<>();
        // Every key three times in a row (tables combine well, so the combiner keeps combining), then
        // every key once more: a table that had to be emitted in between no longer holds it.
        for (int round = 0; round < 2; round++) {
            for (long k = 0; k < keys; k++) {
                for (int copies = round == 0 ? 3 : 1; copies > 0; copies--) {
                    longKeyed.add(Tuple2.of(k, 1L));
                    stringKeyed.add(Tuple2.of("a-key-too-long-to-inline-" + k, 1L));
                }
            }
        }
        List<FieldAggregation> sumOfOne = List.of(new FieldAggregation(Aggregations.SUM, 1));
        KeySelector<Tuple2<Long, Long>, Object> longKey = t -> t.f0;
        KeySelector<Tuple2<String, Long>, Object> stringKey = t -> t.f0;
        TypeSerializer<Tuple2<Long, Long>> longSerializer = tupleSerializer(Tuple2.class, Long.class, Long.class);
        TypeSerializer<Tuple2<String, Long>> stringSerializer = tupleSerializer(Tuple2.class, String.class, Long.class);

        // 512 KiB: about 12K keys without carriers (32 bytes a slot), fewer with them.
        TestingOperatorContext small = context().managedMemory(16, 32 << 10);
        List<Tuple2<Long, Long>> fromLongs = run(
                new TupleAggregateOperator<>(longKey, 0, sumOfOne, longSerializer, 1_000_000), longKeyed, small);
        assertEquals(0, small.memoryManager().pagesReservedBy(small.memoryOwner()), "the reservation is released");
        TestingOperatorContext other = context().managedMemory(16, 32 << 10);
        List<Tuple2<String, Long>> fromStrings = run(
                new TupleAggregateOperator<>(stringKey, 0, sumOfOne, stringSerializer, 1_000_000), stringKeyed, other);

        for (List<? extends Tuple2<?, Long>> out : List.of(fromLongs, fromStrings)) {
            assertTrue(out.size() > keys + keys / 2 && out.size() <= 2 * keys, out.size() + " partial aggregates");
            assertEquals(4L * keys, out.stream().mapToLong(t -> t.f1).sum());
        }
        assertEquals(keys, run(new TupleAggregateOperator<>(longKey, 0, sumOfOne, longSerializer, 1_000_000),
                longKeyed, context()).size(), "without a share, every key fits");
    }

    @Test
    void shouldFailClearlyOnNullsAndOnValuesItCannotSum() {
        List<FieldAggregation> sumOfOne = List.of(new FieldAggregation(Aggregations.SUM, 1));
        KeySelector<Tuple2<String, Object>, Object> first = t -> t.f0;
        AggregationException onString = assertThrows(AggregationException.class, () -> run(
                new TupleAggregateOperator<>(first, sumOfOne, null, 0), List.of(Tuple2.of("k", "text")), context()));
        assertEquals("Cannot sum field 1: it holds a java.lang.String ('text')", onString.getMessage());

        List<FieldAggregation> minOfOne = List.of(new FieldAggregation(Aggregations.MIN, 1));
        AggregationException onNull = assertThrows(AggregationException.class, () -> run(
                new TupleAggregateOperator<>(first, minOfOne, null, 0),
                List.of(Tuple2.<String, Object>of("k", 5), Tuple2.<String, Object>of("k", null)), context()));
        assertEquals("Cannot take the minimum of field 1: it holds null", onNull.getMessage());
    }

    // ---- helpers ----

    /** A user subclass of a tuple. */
    public static final class Pair extends Tuple2<Long, Long> {
        public Pair() {
        }

        Pair(long key, long value) {
            super(key, value);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T extends Tuple> TypeSerializer<T> tupleSerializer(Class<?> tupleClass, Class<?>... fieldTypes) {
        TypeSerializer<?>[] fields = new TypeSerializer<?>[fieldTypes.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = Serializers.forClass(fieldTypes[i]);
        }
        return new TupleSerializer(tupleClass, fields);
    }

    /** A row of the eight field types. */
    static final class Row extends Tuple8<Integer, Integer, Long, Double, Float, Short, BigDecimal, String> {
        Row() {
        }

        Row(int key, int i, long l, double d, float f, short s, BigDecimal b, String text) {
            super(key, i, l, d, f, s, b, text);
        }
    }

    private static final KeySelector<Row, Object> KEY = r -> r.f0;

    /** Doubles and floats hold quarters, so their sums are exact in any order. */
    private static List<Row> rows(int n, int keys, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int v = random.nextInt(1000);
            rows.add(new Row(random.nextInt(keys), v, v * 1_000_000_000L, v / 4.0, v / 4.0f, (short) (v % 7),
                    BigDecimal.valueOf(v, 2), "s" + random.nextInt(100_000)));
        }
        return rows;
    }

    private static Map<Object, Row> expected(List<Row> input) {
        Map<Object, Row> result = new HashMap<>();
        for (Row r : input) {
            Row e = result.get(r.f0);
            if (e == null) {
                result.put(r.f0, copy(r));
            } else {
                e.f1 += r.f1;
                e.f2 += r.f2;
                e.f3 += r.f3;
                e.f4 += r.f4;
                e.f5 = (short) Math.max(e.f5, r.f5);
                e.f6 = e.f6.add(r.f6);
                e.f7 = e.f7.compareTo(r.f7) <= 0 ? e.f7 : r.f7;
            }
        }
        return result;
    }

    private static Row copy(Row r) {
        return new Row(r.f0, r.f1, r.f2, r.f3, r.f4, r.f5, r.f6, r.f7);
    }

    private static Row withKey(Row r, int key) {
        Row c = copy(r);
        c.f0 = key;
        return c;
    }

    /** Names the first key whose row differs (the maps are too large to print). */
    private static void assertSameRows(Map<Object, Row> expected, Map<Object, Row> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (Map.Entry<Object, Row> e : expected.entrySet()) {
            assertEquals(e.getValue(), actual.get(e.getKey()), "key " + e.getKey());
        }
    }

    private static Map<Object, Row> byKey(List<Row> rows) {
        Map<Object, Row> result = new HashMap<>();
        for (Row r : rows) {
            assertNull(result.put(r.f0, r), "key " + r.f0 + " emitted twice");
        }
        return result;
    }

    private TestingOperatorContext context() {
        return new TestingOperatorContext().tempDirectories(tmp.resolve("a").toFile(), tmp.resolve("b").toFile());
    }

    private static <T extends Tuple> List<T> run(TupleAggregateOperator<T, Object> operator, List<T> input,
                                                  TestingOperatorContext context) throws Exception {
        try (OperatorTestHarness<T> harness = new OperatorTestHarness<>(() -> operator, 1, context)) {
            harness.process(0, input);
            return new ArrayList<>(harness.finish());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeSerializer<Row> serializer() {
        TypeSerializer<?>[] fields = new TypeSerializer<?>[FIELD_TYPES.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = Serializers.forClass(FIELD_TYPES[i]);
        }
        return new TupleSerializer(Row.class, fields);
    }

    static int countFiles(File dir) {
        File[] children = dir.listFiles();
        int n = 0;
        for (File child : children == null ? new File[0] : children) {
            n += child.isDirectory() ? countFiles(child) : 1;
        }
        return n;
    }
}
