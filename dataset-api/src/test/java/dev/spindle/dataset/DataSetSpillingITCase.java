package dev.spindle.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.accumulators.IntCounter;
import dev.spindle.api.accumulators.LongCounter;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.RichCoGroupFunction;
import dev.spindle.api.functions.RichCrossFunction;
import dev.spindle.api.functions.RichGroupReduceFunction;
import dev.spindle.api.functions.RichMapFunction;
import dev.spindle.api.functions.RichMapPartitionFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.api.tuple.Tuple4;
import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.cluster.LocalClusterOptions;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.MemorySize;
import dev.spindle.runtime.memory.MemoryOptions;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.Order;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sorting and grouping operators on inputs at least ten times the whole managed memory of the
 * TaskManager (2 MiB for 4 slots, so 512 KiB per slot), and a cross whose broadcast side is larger
 * than a slot's memory: they must spill to io.tmp.dirs, still be correct, and leave no spill file
 * behind. The functions look into io.tmp.dirs while they run to
 * prove that their input came from spill files.
 */
class DataSetSpillingITCase {

    private static final MemorySize MANAGED = MemorySize.parse("2m");
    /** About 61 bytes serialized each, so about 22 MB: more than ten times the managed memory. */
    private static final int RECORDS = 360_000;
    private static final String SAW_SPILL_FILES = "subtasks-that-read-spill-files";

    @TempDir
    static Path tmp;

    private static LocalCluster cluster;
    private static Configuration conf;

    @BeforeAll
    static void startCluster() throws Exception {
        conf = new Configuration()
                .set(TaskManagerOptions.NUM_SLOTS, 4)
                .set(LocalClusterOptions.TASK_MANAGER_PROCESSES, false)
                .set(MemoryOptions.MANAGED_SIZE, MANAGED)
                .set(TaskManagerOptions.TMP_DIRS, tmp.toString());
        cluster = LocalCluster.start(conf);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldGenerateAnInputTenTimesTheManagedMemory() throws IOException {
        TypeSerializer<Tuple4<Integer, Integer, Long, String>> serializer =
                Serializers.forType(new TypeHint<Tuple4<Integer, Integer, Long, String>>() { }.getType());
        DataOutputSerializer out = new DataOutputSerializer(128);
        long bytes = 0;
        ToRecord toRecord = new ToRecord();
        for (long i = 0; i < RECORDS; i++) {
            out.clear();
            serializer.serialize(toRecord.map(i), out);
            bytes += out.length();
        }
        assertTrue(bytes >= 10 * MANAGED.bytes(), "input of " + bytes + " bytes is at least 10x " + MANAGED);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldSortPartitionsMuchLargerThanMemory(int parallelism) throws Exception {
        ExecutionEnvironment env = env(parallelism);

        long count = records(env)
                .sortPartition(1, Order.DESCENDING).sortPartition(2, Order.ASCENDING)
                .map(new CheckOrder())
                .count();

        JobExecutionResult result = env.getLastJobExecutionResult();
        assertEquals(RECORDS, count);
        assertEquals(0L, (Long) result.getAccumulatorResult("out-of-order"));
        assertEquals((long) RECORDS * (RECORDS - 1) / 2, (Long) result.getAccumulatorResult("index-sum"));
        assertEquals(parallelism, (Integer) result.getAccumulatorResult(SAW_SPILL_FILES));
        assertNoSpillFilesLeft();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldReduceGroupsMuchLargerThanMemory(int parallelism) throws Exception {
        ExecutionEnvironment env = env(parallelism);

        List<Tuple3<Integer, Long, Long>> perKey = records(env).groupBy(0).reduceGroup(new CountAndSum()).collect();

        Map<Integer, List<Long>> expected = new HashMap<>();
        ToRecord toRecord = new ToRecord();
        for (long i = 0; i < RECORDS; i++) {
            Tuple4<Integer, Integer, Long, String> t = toRecord.map(i);
            List<Long> c = expected.computeIfAbsent(t.f0, k -> new ArrayList<>(List.of(0L, 0L)));
            c.set(0, c.get(0) + 1);
            c.set(1, c.get(1) + t.f1);
        }
        Map<Integer, List<Long>> actual = new HashMap<>();
        perKey.forEach(t -> assertNull(actual.put(t.f0, List.of(t.f1, t.f2)), "key " + t.f0 + " twice"));
        assertEquals(expected, actual);
        assertTrue(expected.get(0).get(0) * 64 > MANAGED.bytes(), "the hot key alone is larger than memory");
        assertEquals(parallelism, (Integer) env.getLastJobExecutionResult().getAccumulatorResult(SAW_SPILL_FILES));
        assertNoSpillFilesLeft();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldHandMapPartitionAPartitionMuchLargerThanMemory(int parallelism) throws Exception {
        ExecutionEnvironment env = env(parallelism);

        List<Tuple2<Long, Long>> perPartition = records(env).mapPartition(new CountAndSumIndexes()).collect();

        assertEquals(parallelism, perPartition.size());
        assertEquals((long) RECORDS, perPartition.stream().mapToLong(t -> t.f0).sum());
        assertEquals((long) RECORDS * (RECORDS - 1) / 2, perPartition.stream().mapToLong(t -> t.f1).sum());
        assertEquals(parallelism, (Integer) env.getLastJobExecutionResult().getAccumulatorResult(SAW_SPILL_FILES));
        assertNoSpillFilesLeft();
    }

    @Test
    void shouldCoGroupInputsMuchLargerThanMemory() throws Exception {
        ExecutionEnvironment env = env(4);
        DataSet<Tuple4<Integer, Integer, Long, String>> all = records(env);

        List<Tuple3<Integer, Long, Long>> perKey = all.filter(t -> t.f2 % 2 == 0)
                .coGroup(all.filter(t -> t.f2 % 2 == 1))
                .where(0).equalTo(0)
                .with(new CountBothSides())
                .collect();

        Map<Integer, List<Long>> expected = new HashMap<>();
        ToRecord toRecord = new ToRecord();
        for (long i = 0; i < RECORDS; i++) {
            List<Long> c = expected.computeIfAbsent(toRecord.map(i).f0,
                    k -> new ArrayList<>(List.of(0L, 0L)));
            c.set((int) (i % 2), c.get((int) (i % 2)) + 1);
        }
        Map<Integer, List<Long>> actual = new HashMap<>();
        perKey.forEach(t -> assertNull(actual.put(t.f0, List.of(t.f1, t.f2)), "key " + t.f0 + " twice"));
        assertEquals(expected, actual);
        assertEquals(4, (Integer) env.getLastJobExecutionResult().getAccumulatorResult(SAW_SPILL_FILES));
        assertNoSpillFilesLeft();
    }

    @Test
    void shouldCrossWithABroadcastSideLargerThanMemory() throws Exception {
        ExecutionEnvironment env = env(4);
        int bufferedRecords = 20_000;
        DataSet<Tuple4<Integer, Integer, Long, String>> wide = env.generateSequence(0, bufferedRecords - 1)
                .map(new ToRecord());
        DataSet<Long> narrow = env.generateSequence(0, 99);

        // The "tiny" side is broadcast and buffered; here it is the one larger than memory.
        List<Long> sum = narrow.crossWithTiny(wide).with(new AddIndexes()).reduce(Long::sum).collect();

        long wideIndexSum = (long) bufferedRecords * (bufferedRecords - 1) / 2;
        assertEquals(List.of(100 * wideIndexSum + bufferedRecords * (99L * 100 / 2)), sum);
        assertEquals(4, (Integer) env.getLastJobExecutionResult().getAccumulatorResult(SAW_SPILL_FILES),
                "every subtask buffered more of the broadcast side than its memory holds");
        assertNoSpillFilesLeft();
    }

    // ---- helpers ----

    private static ExecutionEnvironment env(int parallelism) {
        return ExecutionEnvironment.create(new EmbeddedJobExecutor(conf, cluster)).setParallelism(parallelism);
    }

    private static DataSet<Tuple4<Integer, Integer, Long, String>> records(ExecutionEnvironment env) {
        return env.generateSequence(0, RECORDS - 1).map(new ToRecord());
    }

    /** Spill files under io.tmp.dirs right now; other subtasks create and delete them meanwhile. */
    static int spillFiles() {
        return SpillFileMonitor.spillFiles(tmp.toFile()).size();
    }

    private static void assertNoSpillFilesLeft() {
        assertEquals(0, spillFiles(), "no spill file is left in io.tmp.dirs");
    }

    // ---- functions ----

    /** Index to (skewed key, value, index, a 40-character payload). */
    static final class ToRecord implements MapFunction<Long, Tuple4<Integer, Integer, Long, String>> {
        @Override
        public Tuple4<Integer, Integer, Long, String> map(Long index) {
            String hex = Long.toHexString(index * 0x9E3779B97F4A7C15L | Long.MIN_VALUE);
            return Tuple4.of(TestData.skewedKey(index), TestData.value(index), index, (hex + hex + hex).substring(0, 40));
        }
    }

    /** Counts the subtask once if spill files exist when its first record or group arrives. */
    static void noteSpillFiles(IntCounter counter) {
        counter.add(spillFiles() > 0 ? 1 : 0);
    }

    /** Checks value-descending, index-ascending order within the partition and sums the indexes. */
    static final class CheckOrder extends RichMapFunction<Tuple4<Integer, Integer, Long, String>, Long> {
        private final IntCounter sawSpillFiles = new IntCounter();
        private final LongCounter outOfOrder = new LongCounter();
        private final LongCounter indexSum = new LongCounter();
        private Tuple4<Integer, Integer, Long, String> previous;

        @Override
        public void open() {
            getRuntimeContext().addAccumulator(SAW_SPILL_FILES, sawSpillFiles);
            getRuntimeContext().addAccumulator("out-of-order", outOfOrder);
            getRuntimeContext().addAccumulator("index-sum", indexSum);
        }

        @Override
        public Long map(Tuple4<Integer, Integer, Long, String> t) {
            if (previous == null) {
                noteSpillFiles(sawSpillFiles);
            } else if (previous.f1 < t.f1 || (previous.f1.equals(t.f1) && previous.f2 > t.f2)) {
                outOfOrder.add(1L);
            }
            previous = t;
            indexSum.add(t.f2);
            return t.f2;
        }
    }

    /** (records, sum of indexes) of the whole partition, which it reads twice. */
    static final class CountAndSumIndexes
            extends RichMapPartitionFunction<Tuple4<Integer, Integer, Long, String>, Tuple2<Long, Long>> {
        private final IntCounter sawSpillFiles = new IntCounter();

        @Override
        public void open() {
            getRuntimeContext().addAccumulator(SAW_SPILL_FILES, sawSpillFiles);
        }

        @Override
        public void mapPartition(Iterable<Tuple4<Integer, Integer, Long, String>> values,
                                 Collector<Tuple2<Long, Long>> out) {
            noteSpillFiles(sawSpillFiles);
            long count = 0;
            for (Tuple4<Integer, Integer, Long, String> ignored : values) {
                count++;
            }
            long sum = 0;
            long second = 0;
            for (Tuple4<Integer, Integer, Long, String> t : values) {
                sum += t.f2;
                second++;
            }
            if (second != count) {
                throw new IllegalStateException("the second pass saw " + second + " of " + count + " records");
            }
            out.collect(Tuple2.of(count, sum));
        }
    }

    /** (key, count, sum of values). */
    static final class CountAndSum
            extends RichGroupReduceFunction<Tuple4<Integer, Integer, Long, String>, Tuple3<Integer, Long, Long>> {
        private final IntCounter sawSpillFiles = new IntCounter();
        private boolean first = true;

        @Override
        public void open() {
            getRuntimeContext().addAccumulator(SAW_SPILL_FILES, sawSpillFiles);
        }

        @Override
        public void reduce(Iterable<Tuple4<Integer, Integer, Long, String>> values,
                           Collector<Tuple3<Integer, Long, Long>> out) {
            if (first) {
                noteSpillFiles(sawSpillFiles);
                first = false;
            }
            Integer key = null;
            long count = 0;
            long sum = 0;
            for (Tuple4<Integer, Integer, Long, String> t : values) {
                key = t.f0;
                count++;
                sum += t.f1;
            }
            out.collect(Tuple3.of(key, count, sum));
        }
    }

    /** narrow + wide index; counts the subtasks that find spill files at their first pair. */
    static final class AddIndexes extends RichCrossFunction<Long, Tuple4<Integer, Integer, Long, String>, Long> {
        private final IntCounter sawSpillFiles = new IntCounter();
        private boolean first = true;

        @Override
        public void open() {
            getRuntimeContext().addAccumulator(SAW_SPILL_FILES, sawSpillFiles);
        }

        @Override
        public Long cross(Long narrow, Tuple4<Integer, Integer, Long, String> wide) {
            if (first) {
                noteSpillFiles(sawSpillFiles);
                first = false;
            }
            return narrow + wide.f2;
        }
    }

    /** (key, left count, right count). */
    static final class CountBothSides extends RichCoGroupFunction<Tuple4<Integer, Integer, Long, String>,
            Tuple4<Integer, Integer, Long, String>, Tuple3<Integer, Long, Long>> {
        private final IntCounter sawSpillFiles = new IntCounter();
        private boolean first = true;

        @Override
        public void open() {
            getRuntimeContext().addAccumulator(SAW_SPILL_FILES, sawSpillFiles);
        }

        @Override
        public void coGroup(Iterable<Tuple4<Integer, Integer, Long, String>> left,
                            Iterable<Tuple4<Integer, Integer, Long, String>> right,
                            Collector<Tuple3<Integer, Long, Long>> out) {
            if (first) {
                noteSpillFiles(sawSpillFiles);
                first = false;
            }
            Integer key = null;
            long l = 0;
            for (Tuple4<Integer, Integer, Long, String> t : left) {
                key = t.f0;
                l++;
            }
            long r = 0;
            for (Tuple4<Integer, Integer, Long, String> t : right) {
                key = t.f0;
                r++;
            }
            out.collect(Tuple3.of(key, l, r));
        }
    }
}
