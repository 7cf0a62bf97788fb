package dev.spindle.dataset.process;

import static dev.spindle.dataset.JoinData.checksum;
import static dev.spindle.dataset.JoinData.expected;
import static dev.spindle.dataset.JoinData.expectedChecksum;
import static dev.spindle.dataset.JoinData.lefts;
import static dev.spindle.dataset.JoinData.printJoin;
import static dev.spindle.dataset.JoinData.rights;
import static dev.spindle.dataset.JoinData.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.dataset.ExecutionEnvironment;
import dev.spindle.dataset.JoinData;
import dev.spindle.dataset.JoinData.Shape;
import dev.spindle.dataset.JoinHint;
import dev.spindle.dataset.SpillFileMonitor;
import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.cluster.LocalClusterOptions;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.MemorySize;
import dev.spindle.runtime.memory.MemoryOptions;
import dev.spindle.runtime.operators.join.JoinType;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Joins on two TaskManager processes with two slots each, at parallelism 4, so that repartitioned
 * and broadcast inputs cross a real Netty connection: every hint and join type, and joins far larger
 * than the 2 MiB of managed memory per TaskManager, which spill in both processes and leave no
 * spill file in {@code io.tmp.dirs}.
 */
class JoinAcrossProcessesITCase {

    private static final long MANAGED_BYTES = 2 << 20;
    private static final Shape SHAPE = new Shape(20_000, 4_000, 0, 0);
    /** About 23 MB of left records (300,000 of about 75 bytes), 4 MB of right ones. */
    private static final Shape LARGE = new Shape(300_000, 150_000, 60, 0);

    @TempDir
    static Path tmpDirs;
    private static LocalCluster cluster;
    private static Configuration conf;

    @BeforeAll
    static void startCluster() throws Exception {
        conf = new Configuration()
                .set(LocalClusterOptions.TASK_MANAGERS, 2)
                .set(LocalClusterOptions.TASK_MANAGER_PROCESSES, true)
                .set(LocalClusterOptions.TASK_MANAGER_JVM_OPTIONS, "-Xmx384m")
                .set(TaskManagerOptions.NUM_SLOTS, 2)
                .set(MemoryOptions.MANAGED_SIZE, new MemorySize(MANAGED_BYTES))
                .set(TaskManagerOptions.TMP_DIRS, tmpDirs.toString());
        cluster = LocalCluster.start(conf);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static ExecutionEnvironment env() {
        return ExecutionEnvironment.create(new EmbeddedJobExecutor(conf, cluster)).setParallelism(4);
    }

    static Stream<Arguments> typesAndHints() {
        List<Arguments> all = new ArrayList<>();
        for (JoinType type : JoinType.values()) {
            for (JoinHint hint : JoinData.hintsFor(type)) {
                all.add(Arguments.of(type, hint));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("typesAndHints")
    void shouldJoinAcrossProcessesWithEveryHintAndJoinType(JoinType type, JoinHint hint) throws Exception {
        ExecutionEnvironment env = env();
        List<String> out = printJoin(lefts(env, SHAPE), rights(env, SHAPE), type, hint).collect();
        assertEquals(expected(type, SHAPE), sorted(out));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JoinHint.class, names = {"REPARTITION_HASH_SECOND", "REPARTITION_SORT_MERGE"})
    void shouldSpillInBothProcessesAndLeaveNoSpillFiles(JoinHint hint) throws Exception {
        ExecutionEnvironment env = env();
        long start = System.nanoTime();
        try (SpillFileMonitor monitor = SpillFileMonitor.start(tmpDirs.toFile())) {
            // Builds on the right for the hash join: a right outer join keeps the build side's unmatched records.
            var actual = checksum(printJoin(lefts(env, LARGE), rights(env, LARGE), JoinType.RIGHT_OUTER, hint));
            monitor.close();
            assertEquals(expectedChecksum(JoinType.RIGHT_OUTER, LARGE), actual);
            long spilled = Math.max(monitor.peakJoinBytes(), monitor.peakSortBytes());
            System.out.printf("across processes, %s: %d result records, peak spill files %.1f MB with %d KiB managed "
                    + "memory per TaskManager, %.1f s%n", hint, actual.f0, spilled / 1e6, MANAGED_BYTES >> 10,
                    (System.nanoTime() - start) / 1e9);
            assertTrue(spilled > MANAGED_BYTES, "spilled " + spilled + " bytes");
            assertEquals(Set.of(), SpillFileMonitor.spillFiles(tmpDirs.toFile()), "no spill file is left");
        }
    }
}
