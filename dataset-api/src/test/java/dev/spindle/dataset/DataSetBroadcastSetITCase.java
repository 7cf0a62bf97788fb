package dev.spindle.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.RichFilterFunction;
import dev.spindle.api.functions.RichMapFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.client.JobExecutionException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broadcast sets read in {@code open} of rich functions, at parallelism 1 and 4: from an
 * independent source, from a set derived from the same source as the main input (the compiler must
 * keep that diamond from deadlocking), and two sets on one operator.
 */
class DataSetBroadcastSetITCase {

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster();

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldGiveEverySubtaskTheWholeSetBeforeItOpens(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Long> factors = env.fromElements(3L, 5L, 7L);

        List<Tuple2<Long, Integer>> out = env.generateSequence(1, 10_000)
                .map(new MultiplyBySum())
                .withBroadcastSet(factors, "factors")
                .collect();

        assertEquals(10_000, out.size());
        Set<Integer> subtasks = new HashSet<>();
        for (Tuple2<Long, Integer> t : out) {
            assertEquals(0, t.f0 % 15);
            subtasks.add(t.f1);
        }
        assertEquals(LongStream.rangeClosed(1, 10_000).map(x -> x * 15).sum(),
                out.stream().mapToLong(t -> t.f0).sum());
        assertEquals(parallelism, subtasks.size(), "every subtask ran with the set");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldReadASetDerivedFromTheMainInputsOwnSource(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Long> numbers = env.generateSequence(1, 200_000);
        DataSet<Long> multiplesOf1000 = numbers.filter(x -> x % 1000 == 0);

        List<Long> kept = numbers
                .filter(new InSetOrSmall())
                .withBroadcastSet(multiplesOf1000, "keep")
                .collect();

        Set<Long> expected = LongStream.rangeClosed(1, 200_000).filter(x -> x % 1000 == 0 || x <= 10).boxed()
                .collect(Collectors.toSet());
        assertEquals(expected, new HashSet<>(kept));
        assertEquals(expected.size(), kept.size());
    }

    @Test
    void shouldOfferTwoSetsByName() throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(2);
        List<Long> out = env.generateSequence(1, 100)
                .map(new AddProductOfAAndB())
                .withBroadcastSet(env.fromElements(10L), "a")
                .withBroadcastSet(env.fromElements(100L), "b")
                .collect();
        assertEquals(LongStream.rangeClosed(1, 100).map(x -> x + 1000).sum(), out.stream().mapToLong(x -> x).sum());
    }

    @Test
    void shouldFailNamingAMissingSet() {
        ExecutionEnvironment env = cluster.createEnvironment(1);
        DataSet<Long> mapped = env.generateSequence(1, 10).map(new MultiplyBySum())
                .map(t -> t.f0)
                .withBroadcastSet(env.fromElements(1L), "other");
        JobExecutionException e = assertThrows(JobExecutionException.class, mapped::collect);
        assertTrue(e.getMessage().contains("no broadcast set named 'factors'"), e.getMessage());
    }

    @Test
    void shouldRejectABroadcastSetOnASource() {
        ExecutionEnvironment env = cluster.createEnvironment(1);
        assertThrows(IllegalStateException.class,
                () -> env.generateSequence(1, 10).withBroadcastSet(env.fromElements(1L), "x"));
    }

    /** Multiplies by the sum of the broadcast factors; tags each record with its subtask. */
    static final class MultiplyBySum extends RichMapFunction<Long, Tuple2<Long, Integer>> {
        private long sum;

        @Override
        public void open() {
            List<Long> factors = getRuntimeContext().getBroadcastVariable("factors");
            sum = factors.stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public Tuple2<Long, Integer> map(Long value) {
            return Tuple2.of(value * sum, getRuntimeContext().getIndexOfThisSubtask());
        }
    }

    /** Adds the product of the first elements of broadcast sets "a" and "b". */
    static final class AddProductOfAAndB extends RichMapFunction<Long, Long> {
        private long offset;

        @Override
        public void open() {
            List<Long> a = getRuntimeContext().getBroadcastVariable("a");
            List<Long> b = getRuntimeContext().getBroadcastVariable("b");
            offset = a.get(0) * b.get(0);
        }

        @Override
        public Long map(Long value) {
            return value + offset;
        }
    }

    /** Keeps numbers in the broadcast set and numbers up to 10. */
    static final class InSetOrSmall extends RichFilterFunction<Long> {
        private Set<Long> keep;

        @Override
        public void open() {
            keep = new HashSet<>(getRuntimeContext().<Long>getBroadcastVariable("keep"));
        }

        @Override
        public boolean filter(Long value) {
            return value <= 10 || keep.contains(value);
        }
    }
}
