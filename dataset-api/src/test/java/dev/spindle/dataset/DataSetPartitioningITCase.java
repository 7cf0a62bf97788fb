package dev.spindle.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.Partitioner;
import dev.spindle.api.functions.RichMapFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.client.JobExecutionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Range and custom partitioning end to end at parallelism 1 and 4: every record arrives exactly
 * once, range partitions are ordered and keep equal keys together, uniform keys spread evenly, and
 * a custom partitioner's choice is obeyed (or, out of range, fails the job naming it). Each test
 * tags records with the subtask that receives them.
 */
class DataSetPartitioningITCase {

    private static final int RECORDS = 100_000;

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster();

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldRangePartitionUniformKeysIntoOrderedBalancedPartitions(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Tuple2<Long, String>> records = env.generateSequence(0, RECORDS - 1).map(new UniformKey());

        List<Tuple2<Integer, Tuple2<Long, String>>> tagged = records.partitionByRange(0)
                .map(new TagWithSubtask<>()).returns(new TypeHint<Tuple2<Integer, Tuple2<Long, String>>>() { })
                .collect();

        List<Tuple2<Long, String>> expected = new ArrayList<>();
        for (long i = 0; i < RECORDS; i++) {
            expected.add(new UniformKey().map(i));
        }
        assertEveryRecordOnce(expected, tagged);
        assertRangePartitioned(tagged, t -> t.f0, parallelism);
        for (int p = 0; p < parallelism; p++) {
            long size = count(tagged, p);
            assertTrue(Math.abs(size - RECORDS / parallelism) < 0.15 * RECORDS / parallelism,
                    "partition " + p + " holds " + size + " of " + RECORDS + " records");
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldKeepASkewedKeyTogetherAndTheRangesOrderedByAKeySelector(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Tuple2<Long, String>> records = env.generateSequence(0, RECORDS - 1).map(new SkewedKey());

        List<Tuple2<Integer, Tuple2<Long, String>>> tagged = records.partitionByRange(t -> t.f1)
                .map(new TagWithSubtask<>()).returns(new TypeHint<Tuple2<Integer, Tuple2<Long, String>>>() { })
                .collect();

        List<Tuple2<Long, String>> expected = new ArrayList<>();
        for (long i = 0; i < RECORDS; i++) {
            expected.add(new SkewedKey().map(i));
        }
        assertEveryRecordOnce(expected, tagged);
        assertRangePartitioned(tagged, t -> t.f1, parallelism);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldRangePartitionByTwoFieldsSplittingTheHotFirstFieldByTheSecond(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Tuple2<Long, String>> records = env.generateSequence(0, RECORDS - 1).map(new SkewedKey());

        List<Tuple2<Integer, Tuple2<Long, String>>> tagged = records.partitionByRange(1, 0)
                .map(new TagWithSubtask<>()).returns(new TypeHint<Tuple2<Integer, Tuple2<Long, String>>>() { })
                .collect();

        List<Tuple2<Long, String>> expected = new ArrayList<>();
        for (long i = 0; i < RECORDS; i++) {
            expected.add(new SkewedKey().map(i));
        }
        assertEveryRecordOnce(expected, tagged);
        // (name, index) in the order of the key tuple: names first; NUL sorts before every other character.
        assertRangePartitioned(tagged, t -> t.f1 + "\0" + String.format("%08d", t.f0), parallelism);
        for (int p = 0; p < parallelism; p++) {
            long size = count(tagged, p);
            assertTrue(Math.abs(size - RECORDS / parallelism) < 0.15 * RECORDS / parallelism,
                    "partition " + p + " holds " + size + " of " + RECORDS + " records");
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldSendEachRecordWhereTheCustomPartitionerSays(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Tuple2<Long, String>> records = env.generateSequence(0, RECORDS - 1).map(new SkewedKey());

        List<Tuple2<Integer, Tuple2<Long, String>>> byField = records.partitionCustom(new LastDigit(), 0)
                .map(new TagWithSubtask<>()).returns(new TypeHint<Tuple2<Integer, Tuple2<Long, String>>>() { })
                .collect();
        List<Tuple2<Integer, Tuple2<Long, String>>> byKey = records
                .partitionCustom((String key, int n) -> key.length() % n, t -> t.f1)
                .map(new TagWithSubtask<>()).returns(new TypeHint<Tuple2<Integer, Tuple2<Long, String>>>() { })
                .collect();

        List<Tuple2<Long, String>> expected = new ArrayList<>();
        for (long i = 0; i < RECORDS; i++) {
            expected.add(new SkewedKey().map(i));
        }
        assertEveryRecordOnce(expected, byField);
        assertEveryRecordOnce(expected, byKey);
        for (Tuple2<Integer, Tuple2<Long, String>> t : byField) {
            assertEquals((int) (t.f1.f0 % 10) % parallelism, t.f0, "record " + t.f1);
        }
        for (Tuple2<Integer, Tuple2<Long, String>> t : byKey) {
            assertEquals(t.f1.f1.length() % parallelism, t.f0, "record " + t.f1);
        }
    }

    @Test
    void shouldFailNamingAPartitionOutOfRange() {
        ExecutionEnvironment env = cluster.createEnvironment(4);
        DataSet<Tuple2<Long, String>> records = env.generateSequence(0, 99).map(new SkewedKey());

        DataSet<Tuple2<Long, String>> partitioned = records.partitionCustom((Long key, int n) -> n, 0);

        JobExecutionException e = assertThrows(JobExecutionException.class, partitioned::collect);
        assertTrue(e.getMessage().contains("returned partition 4 for key '"), e.getMessage());
        assertTrue(e.getMessage().contains("but there are 4 partitions (0..3)"), e.getMessage());
    }

    // ---- checks ----

    private static <T> void assertEveryRecordOnce(List<T> expected, List<Tuple2<Integer, T>> tagged) {
        List<T> actual = new ArrayList<>();
        tagged.forEach(t -> actual.add(t.f1));
        assertEquals(TestData.multiset(expected), TestData.multiset(actual));
    }

    /** Equal keys share a partition, and every key of partition i is at most every key of partition i+1. */
    private static <T, K extends Comparable<K>> void assertRangePartitioned(List<Tuple2<Integer, T>> tagged,
            Function<T, K> key, int parallelism) {
        Map<K, Integer> partitionOfKey = new HashMap<>();
        List<K> min = new ArrayList<>();
        List<K> max = new ArrayList<>();
        for (int p = 0; p < parallelism; p++) {
            min.add(null);
            max.add(null);
        }
        for (Tuple2<Integer, T> t : tagged) {
            K k = key.apply(t.f1);
            Integer previous = partitionOfKey.put(k, t.f0);
            assertTrue(previous == null || previous.equals(t.f0), "key " + k + " in partitions " + previous
                    + " and " + t.f0);
            if (min.get(t.f0) == null || k.compareTo(min.get(t.f0)) < 0) {
                min.set(t.f0, k);
            }
            if (max.get(t.f0) == null || k.compareTo(max.get(t.f0)) > 0) {
                max.set(t.f0, k);
            }
        }
        K highestSoFar = null;
        for (int p = 0; p < parallelism; p++) {
            if (min.get(p) == null) {
                continue;
            }
            assertTrue(highestSoFar == null || highestSoFar.compareTo(min.get(p)) < 0,
                    "partition " + p + " starts at " + min.get(p) + ", below " + highestSoFar + " of an earlier one");
            highestSoFar = max.get(p);
        }
    }

    private static <T> long count(List<Tuple2<Integer, T>> tagged, int partition) {
        return tagged.stream().filter(t -> t.f0 == partition).count();
    }

    // ---- functions ----

    /** (uniform long key, payload). */
    static final class UniformKey implements MapFunction<Long, Tuple2<Long, String>> {
        @Override
        public Tuple2<Long, String> map(Long index) {
            long key = TestData.value(index) * 1_000L + TestData.value(index * 7919 + 13);
            return Tuple2.of(key, "r" + index);
        }
    }

    /** (index, key name): about 40% of records carry key "k0", the rest keys k1..k499. */
    static final class SkewedKey implements MapFunction<Long, Tuple2<Long, String>> {
        @Override
        public Tuple2<Long, String> map(Long index) {
            return Tuple2.of(index, "k" + TestData.skewedKey(index));
        }
    }

    /** Partitions by the last decimal digit of the key. */
    static final class LastDigit implements Partitioner<Long> {
        @Override
        public int partition(Long key, int numPartitions) {
            return (int) (key % 10) % numPartitions;
        }
    }

    /** (receiving subtask, record). */
    static final class TagWithSubtask<T> extends RichMapFunction<T, Tuple2<Integer, T>> {
        @Override
        public Tuple2<Integer, T> map(T record) {
            return Tuple2.of(getRuntimeContext().getIndexOfThisSubtask(), record);
        }
    }

}
