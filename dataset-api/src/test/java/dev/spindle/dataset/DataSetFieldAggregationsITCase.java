package dev.spindle.dataset;

import static dev.spindle.api.aggregation.Aggregations.MAX;
import static dev.spindle.api.aggregation.Aggregations.MIN;
import static dev.spindle.api.aggregation.Aggregations.SUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple8;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Multi-field aggregations, distinct on fields and minBy/maxBy, on groupings and on whole data
 * sets, end to end at parallelism 1 and 4, checked against plain Java folds of the same generated
 * rows: (skewed key as a string, int, long, double, float, short, byte, BigDecimal). Doubles and
 * floats hold quarters small enough to be summed exactly in any order; shorts overflow on purpose.
 */
class DataSetFieldAggregationsITCase {

    private static final int RECORDS = 100_000;

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster();

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldSumAndMaxSeveralFieldsOfEveryNumericTypePerGroupInOnePass(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Row> result = rows(env).groupBy(0)
                .aggregate(SUM, 1).and(SUM, 2).and(SUM, 3).and(SUM, 4).and(SUM, 5).and(MAX, 6).and(SUM, 7)
                .collect();

        assertSameRows(expectedPerKey(DataSetFieldAggregationsITCase::sumsAndMax), perKey(result));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldTakeMinimaAndMaximaPerGroupOfAKeySelector(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Row> result = rows(env).groupBy(r -> r.f0)
                .aggregate(MIN, 1).and(MAX, 2).and(MIN, 3).and(MAX, 4).and(MIN, 5).and(MIN, 6).and(MAX, 7)
                .collect();

        assertSameRows(expectedPerKey(DataSetFieldAggregationsITCase::minsAndMaxes), perKey(result));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldAggregateTheWholeDataSetIntoOneRecord(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Row> rows = rows(env);

        List<Row> all = rows.aggregate(MIN, 0).and(SUM, 1).and(SUM, 2).and(SUM, 3).and(SUM, 4).and(SUM, 5)
                .and(MIN, 6).and(MAX, 7).collect();
        List<Row> maxOfKeys = rows.max(0).collect();
        List<Row> nothing = rows.filter(r -> false).sum(1).collect();

        Row expected = null;
        for (long i = 0; i < RECORDS; i++) {
            Row r = new ToRow().map(i);
            expected = expected == null ? r : wholeFold(expected, r);
        }
        assertEquals(1, all.size());
        assertEquals(expected, all.get(0));
        assertEquals(1, maxOfKeys.size());
        assertEquals("k99", maxOfKeys.get(0).f0, "the largest of the keys k0..k499 as strings");
        assertEquals(List.of(), nothing, "an empty data set aggregates to no record");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldKeepOneRecordPerDistinctCombinationOfFields(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Row> distinct = rows(env).distinct(0, 6).collect();

        Set<List<Object>> expected = new HashSet<>();
        for (long i = 0; i < RECORDS; i++) {
            Row r = new ToRow().map(i);
            expected.add(List.of(r.f0, r.f6));
        }
        Set<List<Object>> actual = new HashSet<>();
        for (Row r : distinct) {
            assertTrue(actual.add(List.of(r.f0, r.f6)), "combination twice: " + r);
        }
        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldSelectWholeRecordsWithSmallestAndLargestFields(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Row> rows = rows(env);

        List<Row> minByPerKey = rows.groupBy(0).minBy(6, 2).collect();
        List<Row> maxByPerKey = rows.groupBy(0).maxBy(5).collect();
        List<Row> minOfAll = rows.minBy(6, 1, 2).collect();
        List<Row> maxOfAll = rows.maxBy(7, 2).collect();

        Set<Row> input = new HashSet<>();
        Map<String, Row> expectedMinBy = new HashMap<>();
        Map<String, Row> expectedMaxBy = new HashMap<>();
        Row expectedMinOfAll = null;
        Row expectedMaxOfAll = null;
        for (long i = 0; i < RECORDS; i++) {
            Row r = new ToRow().map(i);
            input.add(r);
            expectedMinBy.merge(r.f0, r, (a, b) -> compare(b, a, 6, 2) < 0 ? b : a);
            expectedMaxBy.merge(r.f0, r, (a, b) -> compare(b, a, 5) > 0 ? b : a);
            expectedMinOfAll = expectedMinOfAll == null || compare(r, expectedMinOfAll, 6, 1, 2) < 0 ? r : expectedMinOfAll;
            expectedMaxOfAll = expectedMaxOfAll == null || compare(r, expectedMaxOfAll, 7, 2) > 0 ? r : expectedMaxOfAll;
        }
        assertSelected(expectedMinBy, perKey(minByPerKey), input, 6, 2);
        assertSelected(expectedMaxBy, perKey(maxByPerKey), input, 5);
        assertEquals(1, minOfAll.size());
        assertEquals(0, compare(expectedMinOfAll, minOfAll.get(0), 6, 1, 2));
        assertTrue(input.contains(minOfAll.get(0)), "a record of the input: " + minOfAll.get(0));
        assertEquals(1, maxOfAll.size());
        assertEquals(0, compare(expectedMaxOfAll, maxOfAll.get(0), 7, 2));
        assertTrue(input.contains(maxOfAll.get(0)), "a record of the input: " + maxOfAll.get(0));
    }

    @Test
    void shouldRejectFieldsTheRecordsDoNotHaveOrThatAreKeys() {
        ExecutionEnvironment env = cluster.createEnvironment(1);
        DataSet<Tuple2<String, Integer>> pairs = env.fromElements(Tuple2.of("a", 1));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> pairs.groupBy(0).aggregate(SUM, 1).and(MAX, 2));
        assertEquals("aggregate: field 2 does not exist in Tuple2 (fields 0..1)", missing.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class, () -> pairs.groupBy(0).sum(0));
        assertEquals("aggregate: field 0 is a grouping key", key.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> pairs.sum(1).and(MIN, 1));
        assertEquals("aggregate: field 1 is aggregated twice", twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.fromElements("a", "b").distinct(0));
    }

    // ---- data and expectations ----

    /** (key, int, long, double, float, short, byte, BigDecimal). */
    public static final class Row extends Tuple8<String, Integer, Long, Double, Float, Short, Byte, BigDecimal> {
        public Row() {
        }

        Row(Row r) {
            super(r.f0, r.f1, r.f2, r.f3, r.f4, r.f5, r.f6, r.f7);
        }
    }

    /** The row of an index: skewed key, values derived from {@link TestData#value}. */
    static final class ToRow implements MapFunction<Long, Row> {
        @Override
        public Row map(Long index) {
            int v = TestData.value(index);
            Row r = new Row();
            r.f0 = "k" + TestData.skewedKey(index);
            r.f1 = v;
            r.f2 = v * 1_000_003L;
            r.f3 = v / 4.0;
            r.f4 = (v % 8) / 4f;
            r.f5 = (short) (v * 31);
            r.f6 = (byte) (v % 200 - 100);
            r.f7 = BigDecimal.valueOf(v, 2);
            return r;
        }
    }

    private static DataSet<Row> rows(ExecutionEnvironment env) {
        return env.generateSequence(0, RECORDS - 1).map(new ToRow());
    }

    private static Row sumsAndMax(Row a, Row b) {
        Row r = new Row(a);
        r.f1 = a.f1 + b.f1;
        r.f2 = a.f2 + b.f2;
        r.f3 = a.f3 + b.f3;
        r.f4 = a.f4 + b.f4;
        r.f5 = (short) (a.f5 + b.f5);
        r.f6 = (byte) Math.max(a.f6, b.f6);
        r.f7 = a.f7.add(b.f7);
        return r;
    }

    private static Row minsAndMaxes(Row a, Row b) {
        Row r = new Row(a);
        r.f1 = Math.min(a.f1, b.f1);
        r.f2 = Math.max(a.f2, b.f2);
        r.f3 = Math.min(a.f3, b.f3);
        r.f4 = Math.max(a.f4, b.f4);
        r.f5 = (short) Math.min(a.f5, b.f5);
        r.f6 = (byte) Math.min(a.f6, b.f6);
        r.f7 = a.f7.max(b.f7);
        return r;
    }

    /** MIN of the key, sums of 1-5, MIN of 6, MAX of 7. */
    private static Row wholeFold(Row a, Row b) {
        Row r = sumsAndMax(a, b);
        r.f0 = a.f0.compareTo(b.f0) <= 0 ? a.f0 : b.f0;
        r.f6 = (byte) Math.min(a.f6, b.f6);
        r.f7 = a.f7.max(b.f7);
        return r;
    }

    private static Map<String, Row> expectedPerKey(BinaryOperator<Row> fold) {
        Map<String, Row> result = new HashMap<>();
        for (long i = 0; i < RECORDS; i++) {
            Row r = new ToRow().map(i);
            result.merge(r.f0, r, fold);
        }
        return result;
    }

    private static Map<String, Row> perKey(List<Row> rows) {
        Map<String, Row> result = new HashMap<>();
        for (Row r : rows) {
            assertNull(result.put(r.f0, r), "key " + r.f0 + " occurs more than once");
        }
        return result;
    }

    /** Compares per key, naming the first key that differs. */
    private static void assertSameRows(Map<String, Row> expected, Map<String, Row> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((key, row) -> assertEquals(row, actual.get(key), "key " + key));
    }

    /** Per key, the selected record has the expected values in {@code fields} and is one of the input records. */
    private static void assertSelected(Map<String, Row> expected, Map<String, Row> actual, Set<Row> input,
                                       int... fields) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((key, row) -> {
            assertEquals(0, compare(row, actual.get(key), fields), "key " + key + ": " + actual.get(key));
            assertTrue(input.contains(actual.get(key)), "a record of the input: " + actual.get(key));
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Row a, Row b, int... fields) {
        for (int f : fields) {
            int c = ((Comparable) a.getField(f)).compareTo(b.getField(f));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
