package dev.spindle.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.GroupReduceFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.RichMapPartitionFunction;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.runtime.sort.Order;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sorted grouping, first-n and sortPartition end to end at parallelism 1 and 4, against plain Java
 * computations over the same generated records {@code (skewed key, value 0..999, index)}: key 0
 * holds about 40% of them, and values repeat, so secondary keys decide real ties.
 */
class DataSetSortingITCase {

    private static final int RECORDS = 20_000;

    /** By value ascending, ties by index descending. */
    private static final Comparator<Tuple3<Integer, Integer, Long>> VALUE_ASC_INDEX_DESC =
            Comparator.<Tuple3<Integer, Integer, Long>>comparingInt(t -> t.f1)
                    .thenComparing(t -> t.f2, Comparator.reverseOrder());

    /** By value descending, ties by index ascending. */
    private static final Comparator<Tuple3<Integer, Integer, Long>> VALUE_DESC_INDEX_ASC =
            Comparator.<Tuple3<Integer, Integer, Long>>comparingInt(t -> -t.f1).thenComparingLong(t -> t.f2);

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster();

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldHandEachGroupInAscendingOrderWithADescendingSecondaryKey(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Tuple3<Integer, Long, Long>> fingerprints = records(env)
                .groupBy(0).sortGroup(1, Order.ASCENDING).sortGroup(2, Order.DESCENDING)
                .reduceGroup(new OrderFingerprint())
                .collect();

        assertEquals(expectedFingerprints(VALUE_ASC_INDEX_DESC), perKey(fingerprints));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldHandEachGroupInDescendingOrderByKeySelectors(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Tuple3<Integer, Long, Long>> fingerprints = records(env)
                .groupBy(t -> t.f0).sortGroup(t -> t.f1, Order.DESCENDING).sortGroup(t -> t.f2, Order.ASCENDING)
                .reduceGroup(new OrderFingerprint())
                .collect();

        assertEquals(expectedFingerprints(VALUE_DESC_INDEX_ASC), perKey(fingerprints));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldKeepTheFirstNOfEachSortedGroup(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Tuple3<Integer, Integer, Long>> firsts = records(env)
                .groupBy(0).sortGroup(1, Order.DESCENDING).sortGroup(2, Order.ASCENDING)
                .first(3)
                .collect();

        Map<Integer, List<Long>> expected = new HashMap<>();
        allRecords().stream().sorted(VALUE_DESC_INDEX_ASC).forEach(t -> {
            List<Long> first = expected.computeIfAbsent(t.f0, k -> new ArrayList<>());
            if (first.size() < 3) {
                first.add(t.f2);
            }
        });
        Map<Integer, List<Long>> actual = new HashMap<>();
        firsts.forEach(t -> actual.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(t.f2));
        assertEquals(expected, actual, "the first three of each group, in group order");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldKeepAnyNOfEachGroupAndNOverall(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Tuple3<Integer, Integer, Long>> records = records(env);

        List<Tuple3<Integer, Integer, Long>> perGroup = records.groupBy(0).first(5).collect();
        List<Tuple3<Integer, Integer, Long>> overall = records.first(17).collect();

        Map<Integer, Long> groupSizes = new HashMap<>();
        allRecords().forEach(t -> groupSizes.merge(t.f0, 1L, Long::sum));
        Map<Integer, Long> kept = new HashMap<>();
        perGroup.forEach(t -> kept.merge(t.f0, 1L, Long::sum));
        Map<Integer, Long> expectedKept = new HashMap<>();
        groupSizes.forEach((key, size) -> expectedKept.put(key, Math.min(5, size)));
        assertEquals(expectedKept, kept);
        assertGenuineAndDistinct(perGroup);
        assertEquals(17, overall.size());
        assertGenuineAndDistinct(overall);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldSortEachPartitionByAPrimaryAndASecondaryKey(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Tuple3<Integer, Long, Boolean>> partitions = records(env).rebalance()
                .sortPartition(1, Order.ASCENDING).sortPartition(2, Order.DESCENDING)
                .mapPartition(new CheckSortedPartition())
                .collect();

        assertEquals(parallelism, partitions.size(), "one report per partition");
        assertEquals(RECORDS, partitions.stream().mapToLong(t -> t.f1).sum());
        partitions.forEach(t -> assertTrue(t.f2, "partition " + t.f0 + " is sorted"));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldProduceOneTotalOrderWhenSortingAtParallelismOne(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Tuple3<Integer, Integer, Long>> sorted = records(env)
                .sortPartition(t -> t.f1, Order.DESCENDING).sortPartition(2, Order.ASCENDING)
                .setParallelism(1);

        List<Tuple3<Integer, Integer, Long>> all = sorted.collect();
        List<Tuple3<Integer, Integer, Long>> top = sorted.first(4).collect();

        List<Tuple3<Integer, Integer, Long>> expected = allRecords().stream().sorted(VALUE_DESC_INDEX_ASC).toList();
        assertEquals(expected, all);
        assertEquals(expected.subList(0, 4), top);
    }

    // ---- data and expectations ----

    private static DataSet<Tuple3<Integer, Integer, Long>> records(ExecutionEnvironment env) {
        return env.generateSequence(0, RECORDS - 1).map(new ToRecord());
    }

    private static List<Tuple3<Integer, Integer, Long>> allRecords() {
        ToRecord toRecord = new ToRecord();
        return LongStream.range(0, RECORDS).mapToObj(toRecord::map).toList();
    }

    /** Per key, (number of records, fingerprint of their indexes in {@code order}). */
    private static Map<Integer, List<Long>> expectedFingerprints(Comparator<Tuple3<Integer, Integer, Long>> order) {
        Map<Integer, List<Long>> fingerprints = new HashMap<>();
        allRecords().stream().sorted(order).forEach(t -> {
            List<Long> f = fingerprints.computeIfAbsent(t.f0, k -> new ArrayList<>(List.of(0L, 0L)));
            f.set(0, f.get(0) + 1);
            f.set(1, OrderFingerprint.fold(f.get(1), t.f2));
        });
        return fingerprints;
    }

    private static Map<Integer, List<Long>> perKey(List<Tuple3<Integer, Long, Long>> fingerprints) {
        Map<Integer, List<Long>> result = new HashMap<>();
        fingerprints.forEach(t -> assertNull(result.put(t.f0, List.of(t.f1, t.f2)), "key " + t.f0 + " twice"));
        return result;
    }

    /** Every record is one of the input's (its fields match its index) and no index repeats. */
    private static void assertGenuineAndDistinct(List<Tuple3<Integer, Integer, Long>> records) {
        Set<Long> indexes = new HashSet<>();
        ToRecord toRecord = new ToRecord();
        for (Tuple3<Integer, Integer, Long> t : records) {
            assertEquals(toRecord.map(t.f2), t, "a record of the input");
            assertTrue(indexes.add(t.f2), "index " + t.f2 + " twice");
        }
    }

    // ---- functions ----

    /** Index to (skewed key, value, index). */
    static final class ToRecord implements MapFunction<Long, Tuple3<Integer, Integer, Long>> {
        @Override
        public Tuple3<Integer, Integer, Long> map(Long index) {
            return Tuple3.of(TestData.skewedKey(index), TestData.value(index), index);
        }
    }

    /** (key, count, a hash of the indexes in the order the group came in): equal only for the same order. */
    static final class OrderFingerprint
            implements GroupReduceFunction<Tuple3<Integer, Integer, Long>, Tuple3<Integer, Long, Long>> {

        static long fold(long fingerprint, long index) {
            return fingerprint * 1_000_003L + index;
        }

        @Override
        public void reduce(Iterable<Tuple3<Integer, Integer, Long>> values, Collector<Tuple3<Integer, Long, Long>> out) {
            Integer key = null;
            long count = 0;
            long fingerprint = 0;
            for (Tuple3<Integer, Integer, Long> t : values) {
                key = t.f0;
                count++;
                fingerprint = fold(fingerprint, t.f2);
            }
            out.collect(Tuple3.of(key, count, fingerprint));
        }
    }

    /** (subtask, records, whether they came by value ascending then index descending). */
    static final class CheckSortedPartition
            extends RichMapPartitionFunction<Tuple3<Integer, Integer, Long>, Tuple3<Integer, Long, Boolean>> {
        @Override
        public void mapPartition(Iterable<Tuple3<Integer, Integer, Long>> values,
                                 Collector<Tuple3<Integer, Long, Boolean>> out) {
            Tuple3<Integer, Integer, Long> previous = null;
            long count = 0;
            boolean sorted = true;
            for (Tuple3<Integer, Integer, Long> t : values) {
                sorted &= previous == null || VALUE_ASC_INDEX_DESC.compare(previous, t) <= 0;
                previous = t;
                count++;
            }
            out.collect(Tuple3.of(getRuntimeContext().getIndexOfThisSubtask(), count, sorted));
        }
    }
}
