package dev.spindle.dataset;

import static dev.spindle.dataset.JoinData.PRINT;
import static dev.spindle.dataset.JoinData.expected;
import static dev.spindle.dataset.JoinData.lefts;
import static dev.spindle.dataset.JoinData.printJoin;
import static dev.spindle.dataset.JoinData.rights;
import static dev.spindle.dataset.JoinData.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.FlatJoinFunction;
import dev.spindle.api.functions.RichJoinFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.dataset.JoinData.Shape;
import dev.spindle.runtime.operators.join.JoinType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Joins on the embedded cluster, with every hint and join type at parallelism 1 and 4, against a
 * plain hash join computed in the test: generated inputs with duplicate keys, keys found on one side
 * only, {@code null} keys, and a key holding half of one input.
 */
class DataSetJoinITCase {

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster();

    private static final Shape SHAPE = new Shape(20_000, 4_000, 0, 0);
    /** Key {@link JoinData#HOT_KEY} holds half of the left records and 20 right ones. */
    private static final Shape SKEWED = new Shape(40_000, 4_000, 0, 2_000);

    static Stream<Arguments> typesHintsAndParallelisms() {
        List<Arguments> all = new ArrayList<>();
        for (JoinType type : JoinType.values()) {
            for (JoinHint hint : JoinData.hintsFor(type)) {
                for (int parallelism : new int[] {1, 4}) {
                    all.add(Arguments.of(type, hint, parallelism));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} parallelism {2}")
    @MethodSource("typesHintsAndParallelisms")
    void shouldJoinWithEveryHintAndJoinType(JoinType type, JoinHint hint, int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        List<String> out = printJoin(lefts(env, SHAPE), rights(env, SHAPE), type, hint).collect();
        assertEquals(expected(type, SHAPE), sorted(out));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JoinHint.class)
    void shouldJoinAKeyHoldingHalfOfTheData(JoinHint hint) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(4);
        // 20,000 left records with the hot key meet 20 right ones: 400,000 pairs on one subtask.
        List<String> out = printJoin(lefts(env, SKEWED), rights(env, SKEWED), JoinType.INNER, hint).collect();
        assertEquals(expected(JoinType.INNER, SKEWED), sorted(out));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JoinType.class, names = {"LEFT_OUTER", "RIGHT_OUTER", "FULL_OUTER"})
    void shouldOuterJoinAKeyHoldingHalfOfTheData(JoinType type) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(4);
        List<String> out = printJoin(lefts(env, SKEWED), rights(env, SKEWED), type,
                JoinHint.REPARTITION_SORT_MERGE).collect();
        assertEquals(expected(type, SKEWED), sorted(out));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JoinHint.class)
    void shouldEmitPairsWithoutAFunction(JoinHint hint) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(4);
        JoinedDataSet<Tuple2<Integer, String>, Tuple2<Integer, Long>> pairs = lefts(env, SHAPE)
                .join(rights(env, SHAPE), hint).where(0).equalTo(0);
        List<String> out = pairs.map(t -> t.f0 + "|" + t.f1).returns(String.class).collect();
        assertEquals(expected(JoinType.INNER, SHAPE), sorted(out));
    }

    @Test
    void shouldOfferTheShortcutsForTinyAndHugeInputs() throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(4);
        DataSet<Tuple2<Integer, String>> lefts = lefts(env, SHAPE);
        DataSet<Tuple2<Integer, Long>> rights = rights(env, SHAPE);
        List<String> tiny = lefts.joinWithTiny(rights).where(0).equalTo(0).with(PRINT).collect();
        List<String> huge = lefts.joinWithHuge(rights).where(0).equalTo(0).with(PRINT).collect();
        assertEquals(expected(JoinType.INNER, SHAPE), sorted(tiny));
        assertEquals(expected(JoinType.INNER, SHAPE), sorted(huge));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JoinHint.class, names = {"REPARTITION_HASH_FIRST", "REPARTITION_SORT_MERGE",
            "BROADCAST_HASH_SECOND"})
    void shouldJoinOnKeySelectorsAndCompositeKeysWithAFlatJoinFunction(JoinHint hint) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(4);
        // (a, b, n): a in 0..9, b in 0..19; joined on (a, b) = (x, y) of (x, y, m).
        DataSet<Tuple3<Integer, Integer, Long>> left = env.generateSequence(0, 9_999)
                .map(n -> Tuple3.of((int) (n % 10), (int) (n % 20), n))
                .returns(new TypeHint<Tuple3<Integer, Integer, Long>>() { });
        DataSet<Tuple3<Integer, Integer, Long>> right = env.generateSequence(0, 299)
                .map(m -> Tuple3.of((int) (m % 10), (int) (m % 30), m))
                .returns(new TypeHint<Tuple3<Integer, Integer, Long>>() { });
        FlatJoinFunction<Tuple3<Integer, Integer, Long>, Tuple3<Integer, Integer, Long>, Long> evenProducts =
                (l, r, out) -> {
                    if ((l.f2 * r.f2) % 2 == 0) {
                        out.collect(l.f2 * 1_000 + r.f2);
                    }
                };
        List<Long> byFields = left.join(right, hint).where(0, 1).equalTo(0, 1).with(evenProducts).collect();
        List<Long> bySelectors = left.join(right, hint)
                .where(t -> t.f0 * 100 + t.f1).equalTo(t -> t.f0 * 100 + t.f1)
                .with(evenProducts).returns(Long.class).collect();

        Map<Long, Integer> expected = new HashMap<>();
        for (long n = 0; n < 10_000; n++) {
            for (long m = 0; m < 300; m++) {
                if (n % 10 == m % 10 && n % 20 == m % 30 && (n * m) % 2 == 0) {
                    expected.merge(n * 1_000 + m, 1, Integer::sum);
                }
            }
        }
        assertEquals(expected, counts(byFields));
        assertEquals(expected, counts(bySelectors));
    }

    private static <T> Map<T, Integer> counts(List<T> values) {
        Map<T, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JoinHint.class)
    void shouldJoinADataSetWithItself(JoinHint hint) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(4);
        DataSet<Tuple2<Integer, Long>> numbers = env.generateSequence(0, 9_999)
                .map(n -> Tuple2.of((int) (n % 1_000), n))
                .returns(new TypeHint<Tuple2<Integer, Long>>() { });
        List<Long> sums = numbers.join(numbers, hint).where(0).equalTo(0)
                .with((a, b) -> a.f1 + b.f1).returns(Long.class).collect();
        // Every key has 10 numbers: 100 pairs per key.
        assertEquals(100_000, sums.size());
        long expected = 0;
        for (long n = 0; n < 10_000; n++) {
            expected += 20 * n;
        }
        assertEquals(expected, sums.stream().mapToLong(Long::longValue).sum());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JoinHint.class, names = {"BROADCAST_HASH_SECOND", "REPARTITION_HASH_FIRST",
            "REPARTITION_SORT_MERGE"})
    void shouldGiveRichJoinFunctionsBroadcastSetsAndTheirSubtask(JoinHint hint) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(4);
        List<Tuple3<Integer, Long, Integer>> out = lefts(env, SHAPE)
                .leftOuterJoin(rights(env, SHAPE), hint).where(0).equalTo(0)
                .with(new OffsetAndSubtask())
                .withBroadcastSet(env.fromElements(1_000_000L), "offset")
                .collect();
        assertEquals(expected(JoinType.LEFT_OUTER, SHAPE).size(), out.size());
        Set<Integer> subtasks = new HashSet<>();
        for (Tuple3<Integer, Long, Integer> t : out) {
            assertTrue(t.f1 == -1 || t.f1 >= 1_000_000L, "offset applied: " + t);
            subtasks.add(t.f2);
        }
        assertEquals(Set.of(0, 1, 2, 3), subtasks);
    }

    /** Adds the broadcast offset to the right value (-1 if none) and tags the result with the subtask. */
    static final class OffsetAndSubtask
            extends RichJoinFunction<Tuple2<Integer, String>, Tuple2<Integer, Long>, Tuple3<Integer, Long, Integer>> {
        private long offset;

        @Override
        public void open() {
            offset = getRuntimeContext().<Long>getBroadcastVariable("offset").get(0);
        }

        @Override
        public Tuple3<Integer, Long, Integer> join(Tuple2<Integer, String> l, Tuple2<Integer, Long> r) {
            return Tuple3.of(l.f0, r == null ? -1 : r.f1 + offset, getRuntimeContext().getIndexOfThisSubtask());
        }
    }

    @Test
    void shouldCountWhatAFlatJoinFunctionEmitsForUnmatchedRecords() throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(2);
        DataSet<String> out = lefts(env, SHAPE).fullOuterJoin(rights(env, SHAPE)).where(0).equalTo(0)
                .with(new TagUnmatched());
        Map<String, Integer> counts = counts(out.collect());
        List<String> expected = expected(JoinType.FULL_OUTER, SHAPE);
        assertEquals((int) expected.stream().filter(s -> s.endsWith("|null")).count(), counts.get("left only"));
        assertEquals((int) expected.stream().filter(s -> s.startsWith("null|")).count(), counts.get("right only"));
    }

    /** Emits nothing for pairs, and which side is present for unmatched records. */
    static final class TagUnmatched implements FlatJoinFunction<Tuple2<Integer, String>, Tuple2<Integer, Long>, String> {
        @Override
        public void join(Tuple2<Integer, String> l, Tuple2<Integer, Long> r, Collector<String> out) {
            if (l == null || r == null) {
                out.collect(l == null ? "right only" : "left only");
            }
        }
    }
}
