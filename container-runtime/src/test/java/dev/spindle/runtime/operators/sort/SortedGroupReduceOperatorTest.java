package dev.spindle.runtime.operators.sort;

import static dev.spindle.runtime.operators.OperatorTestRecords.countFiles;
import static dev.spindle.runtime.operators.OperatorTestRecords.serializer;
import static dev.spindle.runtime.operators.OperatorTestRecords.skewed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.GroupReduceFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.runtime.sort.Order;
import dev.spindle.runtime.sort.SortOptions;
import dev.spindle.runtime.testing.OperatorTestHarness;
import dev.spindle.runtime.testing.TestingOperatorContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedGroupReduceOperatorTest {

    private static final KeySelector<Tuple3<Integer, Long, String>, Integer> BY_KEY = t -> t.f0;

    @TempDir
    Path tmp;

    @Test
    void shouldHandEachGroupToTheFunctionOnceWithoutSpillingWhenItFits() throws Exception {
        List<Tuple3<Integer, Long, String>> input = skewed(10_000, 50, 0, 1);
        AtomicInteger filesSeen = new AtomicInteger();
        TestingOperatorContext context = context(128, 32 << 10);

        List<Tuple3<Integer, Long, Long>> output = run(context, input, countAndSum(filesSeen), List.of());

        assertEquals(expectedCountAndSum(input), asMap(output));
        assertEquals(0, filesSeen.get(), "nothing was spilled");
        assertReleased(context);
    }

    @Test
    void shouldSpillAndMergeInSeveralPassesWhenTheBudgetIsTiny() throws Exception {
        List<Tuple3<Integer, Long, String>> input = skewed(20_000, 200, 0, 2);
        AtomicInteger filesSeen = new AtomicInteger();
        TestingOperatorContext context = context(4, 1024);
        context.jobConfiguration().set(SortOptions.MAX_FAN_IN, 2);

        List<Tuple3<Integer, Long, Long>> output = run(context, input, countAndSum(filesSeen), List.of());

        Map<Integer, Tuple2<Long, Long>> expected = expectedCountAndSum(input);
        assertEquals(expected, asMap(output));
        assertTrue(expected.get(0).f0 > input.size() * 45L / 100, "key 0 holds about half of the data");
        assertTrue(filesSeen.get() > 0, "the groups were read from spill files");
        assertTrue(filesSeen.get() <= 2, "earlier merge passes left at most the fan-in of runs, saw " + filesSeen.get());
        assertReleased(context);
    }

    @Test
    void shouldOrderEachGroupBySecondaryKeysAscendingAndDescending() throws Exception {
        List<Tuple3<Integer, Long, String>> input = skewed(8_000, 20, 0, 3);
        List<SortField<Tuple3<Integer, Long, String>>> order = List.of(
                new SortField<>(t -> t.f2.length(), Order.DESCENDING), new SortField<>(t -> t.f1, Order.ASCENDING));
        GroupReduceFunction<Tuple3<Integer, Long, String>, Tuple2<Integer, List<Long>>> sequence = (values, out) -> {
            List<Long> seen = new ArrayList<>();
            Integer key = null;
            for (Tuple3<Integer, Long, String> t : values) {
                key = t.f0;
                seen.add(t.f1);
            }
            out.collect(Tuple2.of(key, seen));
        };
        TestingOperatorContext context = context(6, 1024);

        List<Tuple2<Integer, List<Long>>> output = run(context, input, sequence, order);

        Comparator<Tuple3<Integer, Long, String>> expectedOrder =
                Comparator.<Tuple3<Integer, Long, String>>comparingInt(t -> -t.f2.length()).thenComparingLong(t -> t.f1);
        Map<Integer, List<Long>> expected = new TreeMap<>();
        input.stream().sorted(expectedOrder).forEach(t -> expected.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(t.f1));
        Map<Integer, List<Long>> actual = new TreeMap<>();
        output.forEach(t -> assertEquals(null, actual.put(t.f0, t.f1), "group " + t.f0 + " came twice"));
        assertEquals(expected, actual);
        assertReleased(context);
    }

    @Test
    void shouldEmitTheFirstRecordsOfEachGroupInTheRequestedOrder() throws Exception {
        List<Tuple3<Integer, Long, String>> input = skewed(5_000, 30, 0, 4);
        TestingOperatorContext context = context(5, 1024);

        List<Tuple3<Integer, Long, String>> output = run(context, input, new FirstNGroupReducer<>(3),
                List.of(new SortField<>(t -> t.f1, Order.DESCENDING)));

        Map<Integer, List<Long>> expected = new TreeMap<>();
        input.stream().sorted(Comparator.comparingLong((Tuple3<Integer, Long, String> t) -> t.f1).reversed())
                .forEach(t -> {
                    List<Long> first = expected.computeIfAbsent(t.f0, k -> new ArrayList<>());
                    if (first.size() < 3) {
                        first.add(t.f1);
                    }
                });
        Map<Integer, List<Long>> actual = new TreeMap<>();
        output.forEach(t -> actual.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(t.f1));
        assertEquals(expected, actual);
    }

    @Test
    void shouldCallNothingForAnEmptyInput() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TestingOperatorContext context = context(4, 1024);

        List<Integer> output = run(context, List.of(), (values, out) -> calls.incrementAndGet(), List.of());

        assertEquals(List.of(), output);
        assertEquals(0, calls.get());
        assertReleased(context);
    }

    @Test
    void shouldGroupKeysThatAreNotComparableEvenWhenTheirHashesCollide() throws Exception {
        List<Tuple3<Integer, Long, String>> input = skewed(6_000, 100, 0, 5);
        KeySelector<Tuple3<Integer, Long, String>, CollidingKey> key = t -> new CollidingKey(t.f0);
        GroupReduceFunction<Tuple3<Integer, Long, String>, Tuple3<Integer, Long, Long>> count = (values, out) -> {
            long n = 0;
            long sum = 0;
            Integer k = null;
            for (Tuple3<Integer, Long, String> t : values) {
                k = t.f0;
                n++;
                sum += t.f1;
            }
            out.collect(Tuple3.of(k, n, sum));
        };
        TestingOperatorContext context = context(4, 1024);
        List<Tuple3<Integer, Long, Long>> output;
        try (OperatorTestHarness<Tuple3<Integer, Long, Long>> harness = new OperatorTestHarness<>(
                () -> new SortedGroupReduceOperator<>(count, serializer(), key, List.of()), 1, context)) {
            output = harness.process(0, input).finish();
        }

        assertEquals(expectedCountAndSum(input), asMap(output));
    }

    @Test
    void shouldRefuseToIterateAGroupTwice() throws Exception {
        TestingOperatorContext context = context(4, 1024);
        GroupReduceFunction<Tuple3<Integer, Long, String>, Integer> twice = (values, out) -> {
            values.forEach(v -> { });
            values.forEach(v -> { });
        };

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(context, skewed(10, 3, 0, 6), twice, List.of()));

        assertTrue(e.getMessage().contains("only once"), e.getMessage());
        assertReleased(context);
    }

    @Test
    void shouldDeleteSpillFilesAndReleaseMemoryWhenTheFunctionFails() throws Exception {
        TestingOperatorContext context = context(4, 1024);
        AtomicInteger filesSeen = new AtomicInteger();
        GroupReduceFunction<Tuple3<Integer, Long, String>, Integer> failing = (values, out) -> {
            filesSeen.set(countFiles(tmp.toFile()));
            throw new IllegalArgumentException("bad group");
        };

        assertThrows(IllegalArgumentException.class, () -> run(context, skewed(5_000, 10, 0, 7), failing, List.of()));

        assertTrue(filesSeen.get() > 0, "the sort had spilled");
        assertReleased(context);
    }

    // ---- helpers ----

    private TestingOperatorContext context(int pages, int pageSize) {
        return new TestingOperatorContext().managedMemory(pages, pageSize).tempDirectories(tmp.toFile());
    }

    /** Runs the operator over {@code input} grouped by field 0 and disposes it, also when it fails. */
    private static <R> List<R> run(TestingOperatorContext context, List<Tuple3<Integer, Long, String>> input,
                                   GroupReduceFunction<Tuple3<Integer, Long, String>, R> function,
                                   List<SortField<Tuple3<Integer, Long, String>>> order) throws Exception {
        try (OperatorTestHarness<R> harness = new OperatorTestHarness<>(
                () -> new SortedGroupReduceOperator<>(function, serializer(), BY_KEY, order), 1, context)) {
            return harness.process(0, input).finish();
        }
    }

    /** (key, count, sum of sequence numbers) per group; records the spill files present while it runs. */
    private GroupReduceFunction<Tuple3<Integer, Long, String>, Tuple3<Integer, Long, Long>> countAndSum(
            AtomicInteger filesSeen) {
        return (values, out) -> {
            filesSeen.accumulateAndGet(countFiles(tmp.toFile()), Math::max);
            Integer key = null;
            long count = 0;
            long sum = 0;
            for (Tuple3<Integer, Long, String> t : values) {
                key = t.f0;
                count++;
                sum += t.f1;
            }
            out.collect(Tuple3.of(key, count, sum));
        };
    }

    private static Map<Integer, Tuple2<Long, Long>> expectedCountAndSum(List<Tuple3<Integer, Long, String>> input) {
        Map<Integer, Tuple2<Long, Long>> expected = new HashMap<>();
        for (Tuple3<Integer, Long, String> t : input) {
            expected.merge(t.f0, Tuple2.of(1L, t.f1), (a, b) -> Tuple2.of(a.f0 + b.f0, a.f1 + b.f1));
        }
        return expected;
    }

    private static Map<Integer, Tuple2<Long, Long>> asMap(List<Tuple3<Integer, Long, Long>> output) {
        Map<Integer, Tuple2<Long, Long>> actual = new HashMap<>();
        for (Tuple3<Integer, Long, Long> t : output) {
            assertEquals(null, actual.put(t.f0, Tuple2.of(t.f1, t.f2)), "group " + t.f0 + " came twice");
        }
        return actual;
    }

    private void assertReleased(TestingOperatorContext context) {
        assertEquals(0, context.memoryManager().allocatedPages(), "all managed memory is given back");
        assertEquals(0, countFiles(tmp.toFile()), "no spill file is left");
    }

    /** A key that is not Comparable and whose hash codes collide for every seventh id. */
    public static final class CollidingKey {
        public int id;

        public CollidingKey() {
        }

        CollidingKey(int id) {
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CollidingKey k && k.id == id;
        }

        @Override
        public int hashCode() {
            return id % 7;
        }

        @Override
        public String toString() {
            return "CollidingKey(" + id + ")";
        }
    }
}
