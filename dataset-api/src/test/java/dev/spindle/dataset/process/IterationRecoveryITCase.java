package dev.spindle.dataset.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.FlatJoinFunction;
import dev.spindle.api.functions.RichMapFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.dataset.DataSet;
import dev.spindle.dataset.DeltaIteration;
import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.dataset.ExecutionEnvironment;
import dev.spindle.dataset.IterativeDataSet;
import dev.spindle.dataset.TypeHint;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.cluster.LocalClusterOptions;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.iteration.IterationOptions;
import dev.spindle.runtime.jobmanager.RestartStrategy;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager process dies in the middle of an iteration. With superstep snapshots the restarted
 * job resumes from the latest complete snapshot (the supersteps before it do not run again); without
 * them it starts over. Either way the result is exactly right.
 */
class IterationRecoveryITCase {

    private static final int SUPERSTEPS = 24;
    private static final int KILL_AT = 9;
    private static final int INTERVAL = 4;

    @TempDir
    Path dir;

    @Test
    void shouldResumeABulkIterationFromTheLatestSnapshot() throws Exception {
        List<Integer> supersteps = runBulkIterationKillingATaskManager(true);
        assertEquals(KILL_AT / INTERVAL * INTERVAL + 1, firstAfterKill(supersteps),
                "the restarted job resumed after the snapshot of superstep 8: " + supersteps);
        assertFalse(Files.list(dir.resolve("snapshots")).findAny().isPresent(), "snapshots deleted at the end");
    }

    @Test
    void shouldStartABulkIterationOverWithoutSnapshots() throws Exception {
        List<Integer> supersteps = runBulkIterationKillingATaskManager(false);
        assertEquals(1, firstAfterKill(supersteps), "the restarted job started over: " + supersteps);
    }

    @Test
    void shouldResumeADeltaIterationFromTheLatestSnapshot() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(clusterConfig(true))) {
            ExecutionEnvironment env = ExecutionEnvironment.create(new EmbeddedJobExecutor(clusterConfig(true),
                    cluster));
            env.setParallelism(2);
            // A path 0 - 1 - ... - 29: component ids travel one vertex per superstep.
            List<Tuple2<Long, Long>> edgeList = new ArrayList<>();
            for (long v = 0; v < 29; v++) {
                edgeList.add(new Tuple2<>(v, v + 1));
                edgeList.add(new Tuple2<>(v + 1, v));
            }
            DataSet<Tuple2<Long, Long>> edges = env.fromCollection(edgeList);
            DataSet<Tuple2<Long, Long>> vertices = env.generateSequence(0, 29)
                    .map(v -> new Tuple2<>(v, v)).returns(new TypeHint<Tuple2<Long, Long>>() { });
            DeltaIteration<Tuple2<Long, Long>, Tuple2<Long, Long>> iteration = vertices.iterateDelta(vertices, 100, 0);
            DataSet<Tuple2<Long, Long>> changes = iteration.getWorkset()
                    .map(new SlowSuperstep<>(dir.toString())).returns(new TypeHint<Tuple2<Long, Long>>() { })
                    .join(edges).where(0).equalTo(0)
                    .with((w, e) -> new Tuple2<>(e.f1, w.f1)).returns(new TypeHint<Tuple2<Long, Long>>() { })
                    .groupBy(0).min(1)
                    .join(iteration.getSolutionSet()).where(0).equalTo(0).with(new KeepSmaller());
            Thread killer = killWhenReached(KILL_AT);
            List<Tuple2<Long, Long>> result = iteration.closeWith(changes, changes).collect();
            killer.join();

            Map<Long, Long> components = result.stream().collect(Collectors.toMap(t -> t.f0, t -> t.f1));
            Map<Long, Long> expected = new HashMap<>();
            LongStream.range(0, 30).forEach(v -> expected.put(v, 0L));
            assertEquals(expected, components);
            assertEquals(KILL_AT / INTERVAL * INTERVAL + 1, firstAfterKill(readSupersteps()),
                    "resumed after the snapshot of superstep 8: " + readSupersteps());
        }
    }

    private List<Integer> runBulkIterationKillingATaskManager(boolean snapshots) throws Exception {
        Configuration conf = clusterConfig(snapshots);
        try (LocalCluster cluster = LocalCluster.start(conf)) {
            ExecutionEnvironment env = ExecutionEnvironment.create(new EmbeddedJobExecutor(conf, cluster));
            env.setParallelism(2);
            IterativeDataSet<Long> loop = env.generateSequence(1, 1_000).iterate(SUPERSTEPS);
            DataSet<Long> next = loop.map(new SlowSuperstep<Long>(dir.toString())).returns(Long.class)
                    .map(x -> x + 1).returns(Long.class);
            Thread killer = killWhenReached(KILL_AT);
            List<Long> result = loop.closeWith(next).collect();
            killer.join();

            assertEquals(LongStream.rangeClosed(1 + SUPERSTEPS, 1_000 + SUPERSTEPS).boxed().toList(),
                    result.stream().sorted().toList(), "every record raised once per superstep");
            return readSupersteps();
        }
    }

    private Configuration clusterConfig(boolean snapshots) {
        Configuration conf = new Configuration()
                .set(LocalClusterOptions.TASK_MANAGERS, 3)
                .set(LocalClusterOptions.TASK_MANAGER_PROCESSES, true)
                .set(LocalClusterOptions.TASK_MANAGER_JVM_OPTIONS, "-Xmx256m")
                .set(TaskManagerOptions.NUM_SLOTS, 1)
                .set(RestartStrategy.Options.DELAY, 200L);
        if (snapshots) {
            conf.set(IterationOptions.SNAPSHOT_INTERVAL, INTERVAL)
                    .set(IterationOptions.SNAPSHOT_DIR, dir.resolve("snapshots").toUri().toString());
        }
        return conf;
    }

    /** Kills the TaskManager process that first reaches superstep {@code superstep} (it writes its pid). */
    private Thread killWhenReached(int superstep) {
        Path marker = dir.resolve("reached-" + superstep);
        Thread killer = new Thread(() -> {
            try {
                long deadline = System.currentTimeMillis() + 60_000;
                while (!hasContent(marker) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                long pid = Long.parseLong(Files.readString(marker).trim());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                Files.writeString(dir.resolve("supersteps"), "killed\n", StandardOpenOption.APPEND,
                        StandardOpenOption.CREATE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        return killer;
    }

    /** Whether the marker was written completely (it is renamed into place, but be safe on any file system). */
    private static boolean hasContent(Path marker) throws IOException {
        return Files.exists(marker) && !Files.readString(marker).isBlank();
    }

    private List<Integer> readSupersteps() throws IOException {
        List<Integer> supersteps = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("supersteps"))) {
            supersteps.add(line.equals("killed") ? -1 : Integer.parseInt(line));
        }
        return supersteps;
    }

    /** The first superstep subtask 1 started after the kill was recorded. */
    private static int firstAfterKill(List<Integer> supersteps) {
        int killed = supersteps.indexOf(-1);
        assertTrue(killed >= 0, "a TaskManager was killed: " + supersteps);
        // Supersteps already running when the kill was recorded may follow; the restart begins at the
        // first superstep that is not larger than its predecessor.
        for (int i = killed + 1; i < supersteps.size(); i++) {
            int previous = supersteps.get(i - 1) == -1 ? supersteps.get(i - 2) : supersteps.get(i - 1);
            if (supersteps.get(i) <= previous) {
                return supersteps.get(i);
            }
        }
        throw new AssertionError("no superstep ran after the kill: " + supersteps);
    }

    /**
     * Passes records on; subtask 1 records every superstep it starts in a file and sleeps a little,
     * and at superstep {@link #KILL_AT} of the first attempt writes its process id for the killer.
     */
    static final class SlowSuperstep<T> extends RichMapFunction<T, T> {
        private final String dir;

        SlowSuperstep(String dir) {
            this.dir = dir;
        }

        @Override
        public void open() throws Exception {
            if (getRuntimeContext().getIndexOfThisSubtask() != 0) {
                return;
            }
            int superstep = getRuntimeContext().getSuperstepNumber();
            Files.writeString(Path.of(dir, "supersteps"), superstep + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND, StandardOpenOption.CREATE);
            Path marker = Path.of(dir, "reached-" + superstep);
            if (superstep == KILL_AT && !Files.exists(marker)) {
                Path written = Path.of(dir, "reached-" + superstep + ".writing");
                Files.writeString(written, Long.toString(ProcessHandle.current().pid()));
                Files.move(written, marker, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Thread.sleep(10_000);
            }
            Thread.sleep(100);
        }

        @Override
        public T map(T value) {
            return value;
        }
    }

    /** Keeps a candidate component id smaller than the vertex's current one. */
    static final class KeepSmaller
            implements FlatJoinFunction<Tuple2<Long, Long>, Tuple2<Long, Long>, Tuple2<Long, Long>> {
        @Override
        public void join(Tuple2<Long, Long> candidate, Tuple2<Long, Long> current,
                         dev.spindle.api.functions.Collector<Tuple2<Long, Long>> out) {
            if (candidate.f1 < current.f1) {
                out.collect(candidate);
            }
        }
    }
}
