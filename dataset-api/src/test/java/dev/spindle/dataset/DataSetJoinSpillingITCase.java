package dev.spindle.dataset;

import static dev.spindle.dataset.JoinData.checksum;
import static dev.spindle.dataset.JoinData.expectedChecksum;
import static dev.spindle.dataset.JoinData.lefts;
import static dev.spindle.dataset.JoinData.printJoin;
import static dev.spindle.dataset.JoinData.rights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.dataset.JoinData.Shape;
import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.cluster.LocalClusterOptions;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.MemorySize;
import dev.spindle.runtime.memory.MemoryOptions;
import dev.spindle.runtime.operators.join.JoinType;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joins whose inputs are many times the managed memory: a TaskManager with 4 MiB of managed memory
 * for its 4 slots (1 MiB per join subtask) joins a 47 MB input with a 5 MB one. The hash join
 * spills partitions and partitions them again, the sort-merge join spills sorted runs, and a key
 * holding half of the build side makes the hash join fall back to joining a partition block by
 * block. Results are checked by count and checksum against a plain hash join in the test;
 * {@code io.tmp.dirs} is a temporary directory, watched while the job runs and checked for left-over
 * spill files after it.
 */
class DataSetJoinSpillingITCase {

    private static final long MANAGED_BYTES = 4 << 20;
    private static final int PARALLELISM = 4;
    /** 400,000 records per side: left ones of about 120 bytes, right ones of 14; keys seen about twice per side. */
    private static final Shape LARGE = new Shape(400_000, 200_000, 100, 0);
    /** As {@link #LARGE}, but half of the left records and 2 right ones have the same key: 400,000 pairs of it. */
    private static final Shape LARGE_SKEWED = new Shape(400_000, 200_000, 100, 200_000);

    @TempDir
    static Path tmpDirs;
    private static LocalCluster cluster;
    private static Configuration conf;

    @BeforeAll
    static void startCluster() throws Exception {
        conf = new Configuration()
                .set(LocalClusterOptions.TASK_MANAGER_PROCESSES, false)
                .set(TaskManagerOptions.NUM_SLOTS, PARALLELISM)
                .set(MemoryOptions.MANAGED_SIZE, new MemorySize(MANAGED_BYTES))
                .set(TaskManagerOptions.TMP_DIRS, tmpDirs.toString());
        cluster = LocalCluster.start(conf);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void shouldSpillAHashJoinOfInputsTenTimesItsMemory() throws Exception {
        SpillFileMonitor monitor = run("hash join", JoinType.FULL_OUTER, JoinHint.REPARTITION_HASH_FIRST, LARGE);
        assertTrue(monitor.peakJoinBytes() > MANAGED_BYTES, "the hash join spilled more than its memory: "
                + monitor.peakJoinBytes());
    }

    @Test
    void shouldSpillASortMergeJoinOfInputsTenTimesItsMemory() throws Exception {
        SpillFileMonitor monitor = run("sort-merge join", JoinType.FULL_OUTER, JoinHint.REPARTITION_SORT_MERGE, LARGE);
        assertTrue(monitor.peakSortBytes() > MANAGED_BYTES, "the sorters spilled more than their memory: "
                + monitor.peakSortBytes());
    }

    @Test
    void shouldSpillAHashJoinWhoseBuildSideHasAKeyHoldingHalfOfIt() throws Exception {
        SpillFileMonitor monitor = run("skewed hash join", JoinType.LEFT_OUTER, JoinHint.REPARTITION_HASH_FIRST,
                LARGE_SKEWED);
        assertTrue(monitor.peakJoinBytes() > MANAGED_BYTES);
    }

    /** Runs the join, checks its result and that no spill file is left; returns what the monitor saw. */
    private static SpillFileMonitor run(String what, JoinType type, JoinHint hint, Shape shape) throws Exception {
        ExecutionEnvironment env = ExecutionEnvironment.create(new EmbeddedJobExecutor(conf, cluster))
                .setParallelism(PARALLELISM);
        long start = System.nanoTime();
        Tuple2<Long, Long> actual;
        try (SpillFileMonitor monitor = SpillFileMonitor.start(tmpDirs.toFile())) {
            actual = checksum(printJoin(lefts(env, shape), rights(env, shape), type, hint));
            long millis = (System.nanoTime() - start) / 1_000_000;
            monitor.close();
            assertEquals(expectedChecksum(type, shape), actual, what + ": count and checksum of the result");
            Set<?> left = SpillFileMonitor.spillFiles(tmpDirs.toFile());
            assertEquals(Set.of(), left, "no spill file is left after the job");
            System.out.printf("%s (%s, %s, parallelism %d): left input %.1f MB, right input %.1f MB, managed memory "
                            + "%d KiB per TaskManager (%d KiB per slot); peak join spill files %.1f MB (%d files), "
                            + "peak sorted runs %.1f MB (%d files); %d result records; job %.1f s%n",
                    what, type, hint, PARALLELISM, mb(leftBytes(shape)), mb(rightBytes(shape)), MANAGED_BYTES >> 10,
                    MANAGED_BYTES / PARALLELISM >> 10, mb(monitor.peakJoinBytes()), monitor.filesSeen("spindle-join-"),
                    mb(monitor.peakSortBytes()), monitor.filesSeen("spindle-sort-"), actual.f0, millis / 1000.0);
            assertTrue(leftBytes(shape) > 10 * MANAGED_BYTES, "the left input is at least 10x the managed memory");
            return monitor;
        }
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }

    /** Serialized bytes of the left input, as the join holds and spills them. */
    private static long leftBytes(Shape shape) throws Exception {
        TypeSerializer<Tuple2<Integer, String>> serializer =
                Serializers.forType(new TypeHint<Tuple2<Integer, String>>() { }.getType());
        DataOutputSerializer out = new DataOutputSerializer(256);
        long bytes = 0;
        for (long i = 0; i < shape.count(); i++) {
            out.clear();
            serializer.serialize(JoinData.left(i, shape), out);
            bytes += out.length();
        }
        return bytes;
    }

    private static long rightBytes(Shape shape) throws Exception {
        TypeSerializer<Tuple2<Integer, Long>> serializer =
                Serializers.forType(new TypeHint<Tuple2<Integer, Long>>() { }.getType());
        DataOutputSerializer out = new DataOutputSerializer(256);
        long bytes = 0;
        for (long j = 0; j < shape.count(); j++) {
            out.clear();
            serializer.serialize(JoinData.right(j, shape), out);
            bytes += out.length();
        }
        return bytes;
    }
}
