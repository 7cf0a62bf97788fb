package dev.spindle.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.JoinFunction;
import dev.spindle.api.functions.MapPartitionFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.client.JobExecutionException;
import dev.spindle.runtime.cluster.LocalClusterOptions;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.MemorySize;
import dev.spindle.runtime.jobmanager.RestartStrategy;
import dev.spindle.runtime.memory.MemoryOptions;
import dev.spindle.runtime.sort.Order;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job whose function throws after its operator spilled: the job fails with the function's error
 * and the task leaves no spill file behind (checked on a TaskManager whose io.tmp.dirs is a fresh
 * directory), for a sort and for a hash join, both with inputs many times the managed memory.
 */
class SpillCleanupOnFailureITCase {

    private static final Path TMP_DIRS = createTempDir();
    private static final int RECORDS = 300_000;

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster(new Configuration()
            .set(LocalClusterOptions.TASK_MANAGER_PROCESSES, false)
            .set(MemoryOptions.MANAGED_SIZE, MemorySize.parse("2m"))
            .set(TaskManagerOptions.TMP_DIRS, TMP_DIRS.toString())
            .set(RestartStrategy.Options.STRATEGY, RestartStrategy.Kind.NONE));

    @Test
    void shouldRemoveTheSortsSpillFilesWhenTheFunctionReadingItFails() throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(2);
        DataSet<Tuple2<Long, String>> sorted = env.generateSequence(1, RECORDS)
                .map(i -> Tuple2.of(i * 7919 % RECORDS, "payload-" + "x".repeat(40) + i))
                .returns(new TypeHint<Tuple2<Long, String>>() { })
                .sortPartition(0, Order.ASCENDING);

        assertFailsLeavingNoSpillFiles(sorted.mapPartition(new FailAfterSpilling<>()), "sort");
    }

    @Test
    void shouldRemoveTheHashJoinsSpillFilesWhenTheJoinFunctionFails() throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(2);
        DataSet<Tuple2<Long, String>> build = env.generateSequence(1, RECORDS)
                .map(i -> Tuple2.of(i, "build-" + "y".repeat(40) + i))
                .returns(new TypeHint<Tuple2<Long, String>>() { });
        DataSet<Long> probe = env.generateSequence(1, RECORDS);

        DataSet<String> joined = probe.join(build, JoinHint.REPARTITION_HASH_SECOND)
                .where(x -> x).equalTo(t -> t.f0)
                .with(new FailingJoin());
        assertFailsLeavingNoSpillFiles(joined, "join");
    }

    private static void assertFailsLeavingNoSpillFiles(DataSet<?> result, String what) {
        JobExecutionException e = assertThrows(JobExecutionException.class, result::count);
        assertTrue(e.getMessage().contains("deliberate failure after spilling"), e.getMessage());
        assertEquals(Set.of(), SpillFileMonitor.spillFiles(TMP_DIRS.toFile()),
                "no " + what + " spill file is left after the failed job");
    }

    /** True while some spill file exists under the TaskManager's io.tmp.dirs. */
    static boolean spilled() {
        return !SpillFileMonitor.spillFiles(TMP_DIRS.toFile()).isEmpty();
    }

    /** Reads its sorted partition and throws once it saw spill files (or at the end). */
    static final class FailAfterSpilling<T> implements MapPartitionFunction<T, T> {
        @Override
        public void mapPartition(Iterable<T> values, Collector<T> out) {
            boolean sawSpill = spilled();
            for (T ignored : values) {
                sawSpill |= spilled();
                if (sawSpill) {
                    break;
                }
            }
            assertTrue(sawSpill, "the sort spilled");
            throw new IllegalStateException("deliberate failure after spilling");
        }
    }

    /** Throws at its first call: by then the build side was read and spilled. */
    static final class FailingJoin implements JoinFunction<Long, Tuple2<Long, String>, String> {
        @Override
        public String join(Long probe, Tuple2<Long, String> build) {
            assertTrue(spilled(), "the build side spilled");
            throw new IllegalStateException("deliberate failure after spilling");
        }
    }

    private static Path createTempDir() {
        try {
            Path dir = Files.createTempDirectory("spindle-spill-cleanup-");
            new File(dir.toString()).deleteOnExit();
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
