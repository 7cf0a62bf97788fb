package dev.spindle.runtime.operators.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.shuffle.partitioner.CustomPartitioner;
import dev.spindle.runtime.testing.OperatorTestHarness;
import dev.spindle.runtime.testing.TestingOperatorContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The range-partitioning steps wired by hand, as the DataSet API wires them into a job. */
class RangePartitioningTest {

    private static final KeySelector<Long, Long> IDENTITY = v -> v;

    @Test
    void shouldWeighSamplesByPartitionSizeAndCutBalancedOrderedRanges() throws Exception {
        // Subtask 0 holds 90,000 keys from 0..89,999; subtask 1 holds 10,000 from 90,000..99,999.
        List<Long> first = shuffled(0, 90_000, 1);
        List<Long> second = shuffled(90_000, 100_000, 2);
        List<Tuple2<Object, Double>> boundaries = boundaries(sample(first, 0), sample(second, 1));

        RangeBoundaries ranks = new RangeBoundaries(boundaries);
        int[] sizes = new int[4];
        int lastPartition = 0;
        for (long key = 0; key < 100_000; key++) {
            int p = RangeBoundaries.partitionOf(ranks.rank(key), 4);
            assertEquals(p, key % 10_000 == 0 ? partitionOf(boundaries, key, 4) : p, "as the operators route it");
            assertTrue(p >= lastPartition, "partitions grow with the key");
            lastPartition = p;
            sizes[p]++;
        }
        for (int size : sizes) {
            assertTrue(Math.abs(size - 25_000) < 2_500, "partition sizes " + Arrays.toString(sizes));
        }
    }

    @Test
    void shouldSendEqualKeysToOnePartitionAndEverythingToPartitionZeroWithoutSamples() throws Exception {
        List<Long> skewed = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            skewed.add(i % 2 == 0 ? 42L : i);
        }
        List<Tuple2<Object, Double>> boundaries = boundaries(sample(skewed, 0));

        assertEquals(1, boundaries.stream().filter(b -> b.f0.equals(42L)).count(), "each sampled key once");
        int hot = partitionOf(boundaries, 42L, 8);
        for (int i = 0; i < 100; i++) {
            assertEquals(hot, partitionOf(boundaries, 42L, 8));
        }
        assertEquals(0, partitionOf(List.of(), 123L, 8));
        assertEquals(7, partitionOf(boundaries, Long.MAX_VALUE, 8));
    }

    @Test
    void shouldRejectACustomPartitionOutOfRangeNamingIt() {
        CustomPartitioner<Long, Long> partitioner = new CustomPartitioner<>((key, n) -> key.intValue(), IDENTITY);
        CustomPartitioner.PartitionOutOfRangeException e = assertThrows(
                CustomPartitioner.PartitionOutOfRangeException.class, () -> partitioner.select(-1L, 3));
        assertTrue(e.getMessage().endsWith("returned partition -1 for key '-1', but there are 3 partitions (0..2)"),
                e.getMessage());
    }

    private static List<Tuple2<Double, Object>> sample(List<Long> partition, int subtask) throws Exception {
        TestingOperatorContext context = new TestingOperatorContext().subtask(subtask, 2);
        try (OperatorTestHarness<Tuple2<Double, Object>> harness = new OperatorTestHarness<>(
                () -> new RangeSampleOperator<>(IDENTITY), 1, context)) {
            harness.process(0, partition);
            List<Tuple2<Double, Object>> samples = harness.finish();
            assertEquals(Math.min(partition.size(), RangeSampleOperator.SAMPLE_SIZE), samples.size());
            return samples;
        }
    }

    @SafeVarargs
    private static List<Tuple2<Object, Double>> boundaries(List<Tuple2<Double, Object>>... samples) throws Exception {
        try (OperatorTestHarness<Tuple2<Object, Double>> harness = new OperatorTestHarness<>(
                RangeBoundaryOperator::new, 1)) {
            for (List<Tuple2<Double, Object>> s : samples) {
                harness.process(0, s);
            }
            return harness.finish();
        }
    }

    /** The partition the assigning step and the partitioner give {@code key}. */
    private static int partitionOf(List<Tuple2<Object, Double>> boundaries, long key, int partitions)
            throws Exception {
        TestingOperatorContext context = new TestingOperatorContext().broadcastSet("b", boundaries);
        try (OperatorTestHarness<Tuple2<Integer, Long>> harness = new OperatorTestHarness<>(
                () -> new RangeAssignOperator<>(IDENTITY, "b"), 1, context)) {
            harness.process(0, key);
            Tuple2<Integer, Long> ranked = harness.finish().get(0);
            return new RankPartitioner<Long>().select(ranked, partitions);
        }
    }

    private static List<Long> shuffled(long from, long to, long seed) {
        List<Long> keys = new ArrayList<>();
        for (long k = from; k < to; k++) {
            keys.add(k);
        }
        Collections.shuffle(keys, new Random(seed));
        return keys;
    }
}
