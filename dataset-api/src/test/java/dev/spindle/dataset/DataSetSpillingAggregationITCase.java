package dev.spindle.dataset;

import static dev.spindle.api.aggregation.Aggregations.MAX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.MemorySize;
import dev.spindle.runtime.memory.MemoryOptions;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import dev.spindle.runtime.util.FileUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grouped reduce and aggregation whose keys far exceed managed memory: 256 KiB for 4 slots (64 KiB,
 * 16 pages of 4 KiB, per slot) against 120,000 distinct keys whose aggregates take about 3.2 MB
 * serialized (12x the whole budget, 12x a slot's share at parallelism 4 and 49x at parallelism 1).
 * Every key occurs twice, half the input apart, so the combiner cannot shrink the data. The final
 * stage must spill: a watcher sees spill files in io.tmp.dirs while the job runs, the results match
 * a plain Java computation, and no file is left when the job has ended.
 */
class DataSetSpillingAggregationITCase {

    private static final int KEYS = 120_000;
    private static final Path TMP = createTempDirectory();

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster(new Configuration()
            .set(MemoryOptions.MANAGED_SIZE, MemorySize.parse("256k"))
            .set(MemoryOptions.PAGE_SIZE, MemorySize.parse("4k"))
            .set(TaskManagerOptions.TMP_DIRS, TMP.toString()));

    @AfterAll
    static void removeTempDirectory() throws IOException {
        FileUtils.deleteRecursively(TMP.toFile());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldReduceFarMoreKeysThanFitIntoManagedMemory(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Tuple3<String, Long, Long>> records = env.generateSequence(0, 2L * KEYS - 1).map(new ToRecord());

        List<Tuple3<String, Long, Long>> sums = whileWatchingSpillFiles(() -> records.groupBy(0)
                .reduce((a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, Math.max(a.f2, b.f2)))
                .collect());

        assertExpected(sums);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldAggregateFieldsOfFarMoreKeysThanFitIntoManagedMemory(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Tuple3<String, Long, Long>> records = env.generateSequence(0, 2L * KEYS - 1).map(new ToRecord());

        List<Tuple3<String, Long, Long>> sums = whileWatchingSpillFiles(() -> records.groupBy(0)
                .sum(1).and(MAX, 2)
                .collect());

        assertExpected(sums);
    }

    /** Per key k: the sum of the two values (k and k + KEYS) and the larger of two (k and KEYS - k). */
    private static void assertExpected(List<Tuple3<String, Long, Long>> result) {
        Map<String, Tuple3<String, Long, Long>> perKey = new HashMap<>();
        for (Tuple3<String, Long, Long> t : result) {
            assertNull(perKey.put(t.f0, t), "key " + t.f0 + " twice");
        }
        assertEquals(KEYS, perKey.size());
        for (long k = 0; k < KEYS; k++) {
            Tuple3<String, Long, Long> t = perKey.get(ToRecord.name(k));
            assertEquals(2 * k + KEYS, t.f1, "sum of key " + k);
            assertEquals(Math.max(k, KEYS - k), t.f2, "max of key " + k);
        }
    }

    /** Runs the job while a thread counts files in io.tmp.dirs; checks some appeared and none remain. */
    private static <T> T whileWatchingSpillFiles(Callable<T> job) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger mostFiles = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                mostFiles.accumulateAndGet(countFiles(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "spill-file-watcher");
        watcher.start();
        T result;
        try {
            result = job.call();
        } finally {
            running.set(false);
            watcher.join();
        }
        assertTrue(mostFiles.get() > 0, "the final aggregation spilled to " + TMP);
        assertEquals(0, countFiles(), "no spill file is left in " + TMP);
        return result;
    }

    private static int countFiles() {
        try (Stream<Path> files = Files.walk(TMP)) {
            return (int) files.filter(Files::isRegularFile).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // a directory vanished while walking
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("spindle-spill-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Index i: key i mod KEYS, value i, and k or KEYS - k for the first and second occurrence of key k. */
    static final class ToRecord implements MapFunction<Long, Tuple3<String, Long, Long>> {
        @Override
        public Tuple3<String, Long, Long> map(Long index) {
            long k = index % KEYS;
            return Tuple3.of(name(k), index, index < KEYS ? k : KEYS - k);
        }

        static String name(long k) {
            return "key-" + (10_000_000_000L + k);
        }
    }
}
