package dev.spindle.dataset.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.spindle.api.accumulators.IntCounter;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.RichCoGroupFunction;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.dataset.DataSet;
import dev.spindle.dataset.ExecutionEnvironment;
import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.cluster.LocalClusterOptions;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.MemorySize;
import dev.spindle.runtime.memory.MemoryOptions;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * coGroup and cross with TaskManagers as separate processes (two JVMs with two slots each,
 * parallelism 4), so both sides of the coGroup and the broadcast side of the cross cross real Netty
 * connections. The managed memory is small (1 MiB per slot), so the coGroup sorts spill in the
 * TaskManager processes; none of their spill files may remain.
 */
class CoGroupAcrossProcessesITCase {

    private static final int LEFT = 120_000;
    private static final int RIGHT = 80_000;
    private static final int KEYS = 1_000;
    private static final String SAW_SPILL_FILES = "subtasks-that-read-spill-files";

    @TempDir
    static Path tmp;

    private static LocalCluster cluster;
    private static Configuration conf;

    @BeforeAll
    static void startCluster() throws Exception {
        conf = new Configuration()
                .set(LocalClusterOptions.TASK_MANAGERS, 2)
                .set(LocalClusterOptions.TASK_MANAGER_PROCESSES, true)
                .set(LocalClusterOptions.TASK_MANAGER_JVM_OPTIONS, "-Xmx256m")
                .set(TaskManagerOptions.NUM_SLOTS, 2)
                .set(MemoryOptions.MANAGED_SIZE, MemorySize.parse("2m"))
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
    void shouldCoGroupAcrossTaskManagerProcesses() throws Exception {
        ExecutionEnvironment env = ExecutionEnvironment.create(new EmbeddedJobExecutor(conf, cluster)).setParallelism(4);
        DataSet<Tuple3<Integer, Long, String>> left = env.generateSequence(0, LEFT - 1).map(new ToRecord(0));
        DataSet<Tuple3<Integer, Long, String>> right = env.generateSequence(LEFT, LEFT + RIGHT - 1)
                .map(new ToRecord(KEYS / 2));

        List<Tuple3<Integer, Long, Long>> counts = left.coGroup(right).where(0).equalTo(0)
                .with(new CountBothSides(tmp.toString()))
                .collect();

        Map<Integer, List<Long>> expected = new HashMap<>();
        ToRecord toLeft = new ToRecord(0);
        ToRecord toRight = new ToRecord(KEYS / 2);
        for (long i = 0; i < LEFT; i++) {
            count(expected, toLeft.map(i).f0, 0);
        }
        for (long i = LEFT; i < LEFT + RIGHT; i++) {
            count(expected, toRight.map(i).f0, 1);
        }
        Map<Integer, List<Long>> actual = new HashMap<>();
        counts.forEach(t -> assertNull(actual.put(t.f0, List.of(t.f1, t.f2)), "key " + t.f0 + " twice"));
        assertEquals(expected, actual);
        assertEquals(4, (Integer) env.getLastJobExecutionResult().getAccumulatorResult(SAW_SPILL_FILES),
                "every subtask read its groups from spill files");
        assertEquals(0, spillFiles(tmp.toFile()), "no spill file is left in the TaskManagers' io.tmp.dirs");
    }

    @Test
    void shouldCrossWithATinySideBroadcastAcrossTaskManagerProcesses() throws Exception {
        ExecutionEnvironment env = ExecutionEnvironment.create(new EmbeddedJobExecutor(conf, cluster)).setParallelism(4);
        DataSet<Long> numbers = env.generateSequence(1, 5_000);
        DataSet<Long> factors = env.fromElements(1L, 10L, 100L);

        List<Long> products = numbers.crossWithTiny(factors).with((n, f) -> n * f).returns(Long.class).collect();

        assertEquals(15_000, products.size());
        assertEquals(111L * 5_000 * 5_001 / 2, products.stream().mapToLong(Long::longValue).sum());
    }

    private static void count(Map<Integer, List<Long>> counts, int key, int side) {
        List<Long> c = counts.computeIfAbsent(key, k -> new ArrayList<>(List.of(0L, 0L)));
        c.set(side, c.get(side) + 1);
    }

    private static int spillFiles(File dir) {
        File[] children = dir.listFiles();
        int n = 0;
        for (File child : children == null ? new File[0] : children) {
            n += child.isDirectory() ? spillFiles(child) : child.getName().endsWith(".spill") ? 1 : 0;
        }
        return n;
    }

    /** Index to (key, index, padding); about a third of the records carry key {@code shift}. */
    static final class ToRecord implements MapFunction<Long, Tuple3<Integer, Long, String>> {
        private final int shift;

        ToRecord(int shift) {
            this.shift = shift;
        }

        @Override
        public Tuple3<Integer, Long, String> map(Long index) {
            long h = index * 0x9E3779B97F4A7C15L;
            int key = Long.remainderUnsigned(h, 3) == 0 ? 0 : (int) Long.remainderUnsigned(h >>> 20, KEYS);
            return Tuple3.of(key + shift, index, "padding-" + Long.toHexString(h));
        }
    }

    /** (key, left count, right count); counts the subtasks that find spill files when their first key comes. */
    static final class CountBothSides extends RichCoGroupFunction<Tuple3<Integer, Long, String>,
            Tuple3<Integer, Long, String>, Tuple3<Integer, Long, Long>> {
        private final String spillDirectory;
        private final IntCounter sawSpillFiles = new IntCounter();
        private boolean first = true;

        CountBothSides(String spillDirectory) {
            this.spillDirectory = spillDirectory;
        }

        @Override
        public void open() {
            getRuntimeContext().addAccumulator(SAW_SPILL_FILES, sawSpillFiles);
        }

        @Override
        public void coGroup(Iterable<Tuple3<Integer, Long, String>> first, Iterable<Tuple3<Integer, Long, String>> second,
                            Collector<Tuple3<Integer, Long, Long>> out) {
            if (this.first) {
                sawSpillFiles.add(spillFiles(new File(spillDirectory)) > 0 ? 1 : 0);
                this.first = false;
            }
            Integer key = null;
            long l = 0;
            for (Tuple3<Integer, Long, String> t : first) {
                key = t.f0;
                l++;
            }
            long r = 0;
            for (Tuple3<Integer, Long, String> t : second) {
                key = t.f0;
                r++;
            }
            out.collect(Tuple3.of(key, l, r));
        }
    }
}
