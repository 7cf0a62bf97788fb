package dev.spindle.dataset.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.aggregation.Aggregations;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.RichFilterFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.dataset.DataSet;
import dev.spindle.dataset.ExecutionEnvironment;
import dev.spindle.dataset.TypeHint;
import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.cluster.LocalClusterOptions;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.shuffle.partitioner.KeyHashing;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shuffle between TaskManager processes: two JVMs with one slot each, so that a two-slot
 * stage has one subtask in each and records cross a real Netty connection.
 */
class ShuffleAcrossProcessesITCase {

    private static LocalCluster cluster;
    private static Configuration conf;

    @BeforeAll
    static void startCluster() throws Exception {
        conf = new Configuration()
                .set(LocalClusterOptions.TASK_MANAGERS, 2)
                .set(LocalClusterOptions.TASK_MANAGER_PROCESSES, true)
                .set(LocalClusterOptions.TASK_MANAGER_JVM_OPTIONS, "-Xmx256m")
                .set(TaskManagerOptions.NUM_SLOTS, 1);
        cluster = LocalCluster.start(conf);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static ExecutionEnvironment env(Configuration jobSettings) {
        ExecutionEnvironment env = ExecutionEnvironment.create(new EmbeddedJobExecutor(conf, cluster));
        env.getConfiguration().addAll(jobSettings);
        return env;
    }

    /** A key whose records go to consumer subtask 1 of 2, which runs in the other process than the source. */
    private static <T> KeySelector<T, Integer> toRemoteSubtask() {
        int key = 0;
        while (KeyHashing.subpartition(key, 2) != 1) {
            key++;
        }
        int remote = key;
        return record -> remote;
    }

    private static long latencyWithTimeout(long bufferTimeout) throws Exception {
        ExecutionEnvironment env = env(new Configuration());
        env.setParallelism(2).setBufferTimeout(bufferTimeout);
        DataSet<Long> emitted = env.createInput(new TestingSources.OneRecordThenHold(3000), "OneRecord",
                Serializers.forClass(Long.class)).setParallelism(1);
        List<Long> latencies = emitted.partitionByHash(toRemoteSubtask())
                .map(emitTime -> System.currentTimeMillis() - emitTime).returns(Long.class)
                .collect();
        assertEquals(1, latencies.size());
        return latencies.get(0);
    }

    @Test
    void shouldDeliverARecordPromptlyWithBufferTimeoutZero() throws Exception {
        long latency = latencyWithTimeout(0);
        assertTrue(latency < 1500, "with timeout 0 the record must not wait for the source to end: " + latency + " ms");
    }

    @Test
    void shouldHoldARecordUntilTheInputEndsWithBufferTimeoutMinusOne() throws Exception {
        long latency = latencyWithTimeout(-1);
        assertTrue(latency >= 2500, "with timeout -1 the record waits for the end of input: " + latency + " ms");
    }

    @Test
    void shouldThrottleAFastProducerToASlowConsumerWithBoundedMemory() throws Exception {
        int records = 20_000;
        ExecutionEnvironment env = env(new Configuration());
        env.setParallelism(2);
        // 20,000 records of 16 KiB = 320 MiB through TaskManagers of 256 MiB heap.
        DataSet<Tuple3<Long, Long, byte[]>> source = env.createInput(new TestingSources.PaddedRecords(records, 16 * 1024),
                "Padded", Serializers.forType(new TypeHint<Tuple3<Long, Long, byte[]>>() { }.getType()))
                .setParallelism(1);
        List<Tuple3<Long, Long, Long>> received = source.partitionByHash(toRemoteSubtask())
                .map(new SlowConsumer())
                .collect();
        assertEquals(records, received.size());
        received.sort(Comparator.comparing(t -> t.f0));
        long maxAhead = 0;
        int emittedIndex = 0;
        for (int j = 0; j < received.size(); j++) {
            long receiveTime = received.get(j).f2;
            while (emittedIndex < received.size() && received.get(emittedIndex).f1 < receiveTime) {
                emittedIndex++;
            }
            maxAhead = Math.max(maxAhead, emittedIndex - (j + 1));
        }
        long producerEnd = received.get(records - 1).f1;
        long consumerStart = received.get(0).f2;
        assertTrue(maxAhead < 2_000, "the producer ran " + maxAhead + " records ahead of the consumer");
        assertTrue(producerEnd - consumerStart > 1000,
                "the producer must be throttled to the consumer's pace, but finished after " + (producerEnd - consumerStart) + " ms");
    }

    /** Takes about 1 ms per 10 records; keeps sequence number, emission and receive time. */
    static final class SlowConsumer implements dev.spindle.api.functions.MapFunction<Tuple3<Long, Long, byte[]>,
            Tuple3<Long, Long, Long>> {
        private transient int seen;

        @Override
        public Tuple3<Long, Long, Long> map(Tuple3<Long, Long, byte[]> r) throws Exception {
            if (++seen % 10 == 0) {
                Thread.sleep(1);
            }
            return new Tuple3<>(r.f0, r.f1, System.currentTimeMillis());
        }
    }

    @Test
    void shouldConsumeABlockingResultOnlyAfterItsProducerFinished() throws Exception {
        ExecutionEnvironment env = env(new Configuration().set(CoreOptions.BATCH_EXCHANGE_MODE, ExchangeMode.BLOCKING));
        env.setParallelism(2);
        DataSet<Tuple3<Long, Long, byte[]>> source = env.createInput(new TestingSources.PaddedRecords(2_000, 100),
                "Padded", Serializers.forType(new TypeHint<Tuple3<Long, Long, byte[]>>() { }.getType()));
        List<Tuple2<Long, Long>> times = source.partitionByHash(t -> t.f0)
                .map(t -> new Tuple2<>(t.f1, System.currentTimeMillis()))
                .returns(new TypeHint<Tuple2<Long, Long>>() { })
                .collect();
        assertEquals(4_000, times.size());
        long lastEmit = times.stream().mapToLong(t -> t.f0).max().orElseThrow();
        long firstReceive = times.stream().mapToLong(t -> t.f1).min().orElseThrow();
        assertTrue(firstReceive >= lastEmit, "a consumer read before its producer finished");
    }

    @Test
    void shouldRangePartitionAndAggregateFieldsAcrossProcesses() throws Exception {
        ExecutionEnvironment env = env(new Configuration());
        env.setParallelism(2);
        DataSet<Tuple2<Long, Long>> records = env.generateSequence(0, 49_999)
                .map(i -> Tuple2.of(i * 7919 % 50_000, i % 10)).returns(new TypeHint<Tuple2<Long, Long>>() { });

        List<Tuple2<Long, Long>> firstPartition = records.partitionByRange(0)
                .filter(new InFirstSubtask<>()).collect();
        List<Tuple3<Long, Long, Long>> perDigit = records.map(t -> Tuple3.of(t.f1, t.f0, t.f0))
                .returns(new TypeHint<Tuple3<Long, Long, Long>>() { })
                .groupBy(0).aggregate(Aggregations.SUM, 1).and(Aggregations.MAX, 2).collect();

        assertTrue(Math.abs(firstPartition.size() - 25_000) < 2_500, "first partition: " + firstPartition.size());
        long highestInFirst = firstPartition.stream().mapToLong(t -> t.f0).max().orElseThrow();
        assertEquals(firstPartition.size() - 1, highestInFirst, "partition 0 holds the smallest keys, 0..n-1");
        assertEquals(10, perDigit.size());
        for (Tuple3<Long, Long, Long> t : perDigit) {
            long sum = 0;
            long max = 0;
            for (long i = t.f0; i < 50_000; i += 10) {
                sum += i * 7919 % 50_000;
                max = Math.max(max, i * 7919 % 50_000);
            }
            assertEquals(Tuple3.of(t.f0, sum, max), t);
        }
    }

    /** Keeps the records that reached subtask 0. */
    static final class InFirstSubtask<T> extends RichFilterFunction<T> {
        @Override
        public boolean filter(T record) {
            return getRuntimeContext().getIndexOfThisSubtask() == 0;
        }
    }

    @Test
    void shouldRunAJobWithMoreStagesThanSlots() throws Exception {
        for (ExchangeMode mode : ExchangeMode.values()) {
            ExecutionEnvironment env = env(new Configuration().set(CoreOptions.BATCH_EXCHANGE_MODE, mode));
            env.setParallelism(2);
            List<Tuple2<Long, Long>> result = env.generateSequence(1, 10_000)
                    .partitionByHash(x -> x % 7)
                    .map(x -> x * 2).returns(Long.class)
                    .partitionByHash(x -> x % 11)
                    .map(x -> new Tuple2<>(x % 5, x)).returns(new TypeHint<Tuple2<Long, Long>>() { })
                    .groupBy(0).sum(1)
                    .collect();
            Map<Long, Long> expected = new TreeMap<>();
            for (long x = 1; x <= 10_000; x++) {
                expected.merge((x * 2) % 5, x * 2, Long::sum);
            }
            Map<Long, Long> actual = new TreeMap<>();
            result.forEach(t -> actual.put(t.f0, t.f1));
            assertEquals(expected, actual, "mode " + mode);
        }
    }
}
