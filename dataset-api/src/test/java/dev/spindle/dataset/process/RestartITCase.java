package dev.spindle.dataset.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.NotRetryable;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.dataset.ExecutionEnvironment;
import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.runtime.client.JobExecutionException;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.cluster.LocalClusterOptions;
import dev.spindle.runtime.cluster.ProcessResourceDriver;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.jobmanager.RestartStrategy;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restart strategy: a failed task restarts the whole job, which then produces the full, correct result. */
class RestartITCase {

    @TempDir
    Path dir;

    /** Throws once, the first time any subtask sees record 500 (remembered in a file, across processes). */
    static final class FailOnce implements MapFunction<Long, Long> {
        private final String marker;

        FailOnce(String marker) {
            this.marker = marker;
        }

        @Override
        public Long map(Long value) throws IOException {
            if (value == 500 && new File(marker).createNewFile()) {
                throw new IllegalStateException("injected failure");
            }
            return value * 2;
        }
    }

    @Test
    void shouldRestartAfterATaskFailureAndProduceTheFullResult() throws Exception {
        Configuration conf = new Configuration().set(TaskManagerOptions.NUM_SLOTS, 2)
                .set(RestartStrategy.Options.DELAY, 100L);
        try (LocalCluster cluster = LocalCluster.start(conf)) {
            ExecutionEnvironment env = ExecutionEnvironment.create(new EmbeddedJobExecutor(conf, cluster));
            env.setParallelism(2);
            List<Long> result = env.generateSequence(1, 1000).map(new FailOnce(dir.resolve("m1").toString()))
                    .rebalance().collect();
            assertTrue(Files.exists(dir.resolve("m1")), "the failure was injected");
            assertEquals(LongStream.rangeClosed(1, 1000).map(x -> 2 * x).boxed().collect(Collectors.toSet()),
                    result.stream().collect(Collectors.toSet()));
            assertEquals(1000, result.size(), "no duplicates from the failed attempt");
        }
    }

    @Test
    void shouldFailAtOnceWithoutARestartStrategy() throws Exception {
        Configuration conf = new Configuration().set(TaskManagerOptions.NUM_SLOTS, 2)
                .set(RestartStrategy.Options.STRATEGY, RestartStrategy.Kind.NONE);
        try (LocalCluster cluster = LocalCluster.start(conf)) {
            ExecutionEnvironment env = ExecutionEnvironment.create(new EmbeddedJobExecutor(conf, cluster));
            JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.generateSequence(1, 1000)
                    .map(new FailOnce(dir.resolve("m2").toString())).collect());
            assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
        }
    }

    /** Bad data: a restart would only meet it again. */
    static final class BadRecordException extends RuntimeException implements NotRetryable {
        BadRecordException(String message) {
            super(message);
        }
    }

    /** Fails on record 500 with a not-retryable exception, counting its attempts in a file. */
    static final class FailOnBadRecord implements MapFunction<Long, Long> {
        private final String attempts;

        FailOnBadRecord(String attempts) {
            this.attempts = attempts;
        }

        @Override
        public Long map(Long value) throws IOException {
            if (value == 500) {
                Files.writeString(Path.of(attempts), "x", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
                throw new BadRecordException("record 500 is malformed");
            }
            return value;
        }
    }

    @Test
    void shouldNotRestartAfterANotRetryableFailure() throws Exception {
        Configuration conf = new Configuration().set(TaskManagerOptions.NUM_SLOTS, 2)
                .set(RestartStrategy.Options.DELAY, 100L);
        try (LocalCluster cluster = LocalCluster.start(conf)) {
            ExecutionEnvironment env = ExecutionEnvironment.create(new EmbeddedJobExecutor(conf, cluster));
            Path attempts = dir.resolve("attempts");
            JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.generateSequence(1, 1000)
                    .map(new FailOnBadRecord(attempts.toString())).collect());
            assertTrue(e.getMessage().contains("record 500 is malformed"), e.getMessage());
            assertEquals("x", Files.readString(attempts), "one attempt, no restarts");
        }
    }

    @Test
    void shouldRestartOnAnotherTaskManagerWhenOneDies() throws Exception {
        Configuration conf = new Configuration()
                .set(LocalClusterOptions.TASK_MANAGERS, 3)
                .set(LocalClusterOptions.TASK_MANAGER_PROCESSES, true)
                .set(LocalClusterOptions.TASK_MANAGER_JVM_OPTIONS, "-Xmx256m")
                .set(TaskManagerOptions.NUM_SLOTS, 1)
                .set(RestartStrategy.Options.DELAY, 200L);
        try (LocalCluster cluster = LocalCluster.start(conf)) {
            ExecutionEnvironment env = ExecutionEnvironment.create(new EmbeddedJobExecutor(conf, cluster));
            env.setParallelism(2);
            Path killed = dir.resolve("killed");
            List<Process> processes = ((ProcessResourceDriver) cluster.resourceDriver()).processes();
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                    processes.get(0).destroyForcibly();
                    Files.createFile(killed);
                } catch (Exception ignored) {
                    // The assertion below reports it.
                }
            });
            killer.start();
            long count = env.createInput(new TestingSources.PaddedRecords(3000, 10), "Slow",
                            dev.spindle.runtime.serialization.Serializers.forType(
                                    new dev.spindle.dataset.TypeHint<dev.spindle.api.tuple.Tuple3<Long, Long, byte[]>>() { }
                                            .getType()))
                    .map(new SlowDown()).returns(Long.class)
                    .rebalance().count();
            killer.join();
            assertTrue(Files.exists(killed));
            assertEquals(6000, count, "every record of the restarted job, exactly once");
        }
    }

    /** About 4 s for 3000 records, so the job is still running when a TaskManager is killed. */
    static final class SlowDown implements MapFunction<dev.spindle.api.tuple.Tuple3<Long, Long, byte[]>, Long> {
        @Override
        public Long map(dev.spindle.api.tuple.Tuple3<Long, Long, byte[]> value) throws InterruptedException {
            if (value.f0 % 20 == 0) {
                Thread.sleep(25);
            }
            return value.f0;
        }
    }
}
