package dev.spindle.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spindle.api.functions.CoGroupFunction;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.CrossFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.api.tuple.Tuple4;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * coGroup and cross end to end at parallelism 1 and 4, against plain Java computations. The
 * coGroup inputs overlap in half of their keys, so keys of one side only occur, and key 0 holds
 * about 40% of the left side and 40% of the right side.
 */
class DataSetCoGroupAndCrossITCase {

    private static final int LEFT = 30_000;
    private static final int RIGHT = 20_000;
    /** Right keys are shifted by this, so left keys below it and right keys above the left range are one-sided. */
    private static final int SHIFT = TestData.KEYS / 2;

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster();

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldCoGroupByFieldsWithEmptySidesForOneSidedKeys(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Tuple4<Integer, Long, Long, Long>> counts = left(env).coGroup(right(env))
                .where(0).equalTo(0)
                .with(new CountBothSides())
                .collect();

        assertEquals(expectedCounts(), perKey(counts));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldCoGroupByKeySelectorsAndCompositeFieldKeys(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Tuple2<Integer, Integer>> leftPairs = left(env).map(t -> Tuple2.of(t.f0 % 7, t.f1 % 3))
                .returns(new TypeHint<Tuple2<Integer, Integer>>() { });
        DataSet<Tuple2<Integer, Integer>> rightPairs = right(env).map(t -> Tuple2.of(t.f0 % 3, t.f0 % 7))
                .returns(new TypeHint<Tuple2<Integer, Integer>>() { });

        List<Tuple3<Integer, Long, Long>> bySelector = left(env).coGroup(right(env))
                .where(t -> "k" + t.f0 % 10).equalTo(t -> "k" + t.f0 % 10)
                .with(new CountBothSidesBy<>(t -> t.f0 % 10, t -> t.f0 % 10))
                .returns(new TypeHint<Tuple3<Integer, Long, Long>>() { })
                .collect();
        List<Tuple3<Integer, Long, Long>> byFields = leftPairs.coGroup(rightPairs)
                .where(0, 1).equalTo(1, 0)
                .with(new CountBothSidesBy<>(t -> t.f0 * 10 + t.f1, t -> t.f1 * 10 + t.f0))
                .returns(new TypeHint<Tuple3<Integer, Long, Long>>() { })
                .collect();

        Map<Integer, List<Long>> expectedBySelector = new HashMap<>();
        leftRecords().forEach(t -> count(expectedBySelector, t.f0 % 10, 0));
        rightRecords().forEach(t -> count(expectedBySelector, t.f0 % 10, 1));
        assertEquals(expectedBySelector, perKey3(bySelector));
        Map<Integer, List<Long>> expectedByFields = new HashMap<>();
        leftRecords().forEach(t -> count(expectedByFields, (t.f0 % 7) * 10 + t.f1 % 3, 0));
        rightRecords().forEach(t -> count(expectedByFields, (t.f0 % 7) * 10 + t.f0 % 3, 1));
        assertEquals(expectedByFields, perKey3(byFields));
    }

    @Test
    void shouldRejectKeysOfDifferentLengths() {
        ExecutionEnvironment env = cluster.createEnvironment(1);
        assertThrows(IllegalArgumentException.class, () -> left(env).coGroup(right(env)).where(0, 1).equalTo(0));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldCrossIntoPairsAndThroughAFunctionWithEitherSideBroadcast(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Long> big = env.generateSequence(0, 1_999);
        DataSet<String> small = env.fromElements("a", "bb", "ccc", "dddd", "eeeee", "ffffff", "g");

        List<Tuple2<Long, String>> pairs = big.cross(small).collect();
        List<String> tiny = big.crossWithTiny(small).with(new Concat()).collect();
        List<String> huge = small.crossWithHuge(big).with((s, n) -> n + ":" + s).returns(String.class).collect();

        Map<String, Long> expected = new HashMap<>();
        LongStream.range(0, 2_000).forEach(n -> List.of("a", "bb", "ccc", "dddd", "eeeee", "ffffff", "g")
                .forEach(s -> expected.merge(n + ":" + s, 1L, Long::sum)));
        List<String> fromPairs = new ArrayList<>();
        pairs.forEach(p -> fromPairs.add(p.f0 + ":" + p.f1));
        assertEquals(expected, TestData.multiset(fromPairs));
        assertEquals(expected, TestData.multiset(tiny));
        assertEquals(expected, TestData.multiset(huge));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldCrossAndCoGroupInputsDerivedFromOneSource(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Long> numbers = env.generateSequence(1, 3_000);

        List<Long> products = numbers.crossWithTiny(numbers.filter(n -> n % 1000 == 0))
                .with((a, b) -> a * b).returns(Long.class)
                .collect();
        List<Tuple3<Integer, Long, Long>> sides = numbers.coGroup(numbers.filter(n -> n % 3 == 0))
                .where(n -> (int) (n % 10)).equalTo(n -> (int) (n % 10))
                .with(new CountBothSidesBy<Long, Long>(n -> (int) (n % 10), n -> (int) (n % 10)))
                .returns(new TypeHint<Tuple3<Integer, Long, Long>>() { })
                .collect();

        assertEquals(9_000, products.size());
        assertEquals(6_000L * 3_000 * 3_001 / 2, products.stream().mapToLong(Long::longValue).sum());
        Map<Integer, List<Long>> expected = new HashMap<>();
        LongStream.rangeClosed(1, 3_000).forEach(n -> count(expected, (int) (n % 10), 0));
        LongStream.rangeClosed(1, 3_000).filter(n -> n % 3 == 0).forEach(n -> count(expected, (int) (n % 10), 1));
        assertEquals(expected, perKey3(sides));
    }

    // ---- data and expectations ----

    /** (skewed key, value, index) for LEFT indexes. */
    private static DataSet<Tuple3<Integer, Integer, Long>> left(ExecutionEnvironment env) {
        return env.generateSequence(0, LEFT - 1).map(new ToRecord(0));
    }

    /** (skewed key + SHIFT, value, index) for RIGHT further indexes. */
    private static DataSet<Tuple3<Integer, Integer, Long>> right(ExecutionEnvironment env) {
        return env.generateSequence(LEFT, LEFT + RIGHT - 1).map(new ToRecord(SHIFT));
    }

    private static List<Tuple3<Integer, Integer, Long>> leftRecords() {
        ToRecord f = new ToRecord(0);
        return LongStream.range(0, LEFT).mapToObj(f::map).toList();
    }

    private static List<Tuple3<Integer, Integer, Long>> rightRecords() {
        ToRecord f = new ToRecord(SHIFT);
        return LongStream.range(LEFT, LEFT + RIGHT).mapToObj(f::map).toList();
    }

    /** Per key: left count, right count, sum of left values. */
    private static Map<Integer, List<Long>> expectedCounts() {
        Map<Integer, List<Long>> expected = new HashMap<>();
        for (Tuple3<Integer, Integer, Long> t : leftRecords()) {
            List<Long> c = expected.computeIfAbsent(t.f0, k -> new ArrayList<>(List.of(0L, 0L, 0L)));
            c.set(0, c.get(0) + 1);
            c.set(2, c.get(2) + t.f1);
        }
        for (Tuple3<Integer, Integer, Long> t : rightRecords()) {
            List<Long> c = expected.computeIfAbsent(t.f0, k -> new ArrayList<>(List.of(0L, 0L, 0L)));
            c.set(1, c.get(1) + 1);
        }
        return expected;
    }

    private static void count(Map<Integer, List<Long>> counts, int key, int side) {
        List<Long> c = counts.computeIfAbsent(key, k -> new ArrayList<>(List.of(0L, 0L)));
        c.set(side, c.get(side) + 1);
    }

    private static Map<Integer, List<Long>> perKey(List<Tuple4<Integer, Long, Long, Long>> counts) {
        Map<Integer, List<Long>> result = new HashMap<>();
        counts.forEach(t -> assertNull(result.put(t.f0, List.of(t.f1, t.f2, t.f3)), "key " + t.f0 + " twice"));
        return result;
    }

    private static Map<Integer, List<Long>> perKey3(List<Tuple3<Integer, Long, Long>> counts) {
        Map<Integer, List<Long>> result = new HashMap<>();
        counts.forEach(t -> assertNull(result.put(t.f0, List.of(t.f1, t.f2)), "key " + t.f0 + " twice"));
        return result;
    }

    // ---- functions ----

    /** Index to (skewed key + shift, value, index). */
    static final class ToRecord implements MapFunction<Long, Tuple3<Integer, Integer, Long>> {
        private final int shift;

        ToRecord(int shift) {
            this.shift = shift;
        }

        @Override
        public Tuple3<Integer, Integer, Long> map(Long index) {
            return Tuple3.of(TestData.skewedKey(index) + shift, TestData.value(index), index);
        }
    }

    /** (key, left count, right count, sum of left values). */
    static final class CountBothSides implements CoGroupFunction<Tuple3<Integer, Integer, Long>,
            Tuple3<Integer, Integer, Long>, Tuple4<Integer, Long, Long, Long>> {
        @Override
        public void coGroup(Iterable<Tuple3<Integer, Integer, Long>> first, Iterable<Tuple3<Integer, Integer, Long>> second,
                            Collector<Tuple4<Integer, Long, Long, Long>> out) {
            Integer key = null;
            long l = 0;
            long sum = 0;
            for (Tuple3<Integer, Integer, Long> t : first) {
                key = t.f0;
                l++;
                sum += t.f1;
            }
            long r = 0;
            for (Tuple3<Integer, Integer, Long> t : second) {
                key = t.f0;
                r++;
            }
            out.collect(Tuple4.of(key, l, r, sum));
        }
    }

    /** (key as an int, left count, right count), with the int key computed per side. */
    static final class CountBothSidesBy<L, R> implements CoGroupFunction<L, R, Tuple3<Integer, Long, Long>> {
        private final MapFunction<L, Integer> leftKey;
        private final MapFunction<R, Integer> rightKey;

        CountBothSidesBy(MapFunction<L, Integer> leftKey, MapFunction<R, Integer> rightKey) {
            this.leftKey = leftKey;
            this.rightKey = rightKey;
        }

        @Override
        public void coGroup(Iterable<L> first, Iterable<R> second, Collector<Tuple3<Integer, Long, Long>> out)
                throws Exception {
            Integer key = null;
            long l = 0;
            for (L t : first) {
                key = leftKey.map(t);
                l++;
            }
            long r = 0;
            for (R t : second) {
                key = rightKey.map(t);
                r++;
            }
            out.collect(Tuple3.of(key, l, r));
        }
    }

    /** "number:string". */
    static final class Concat implements CrossFunction<Long, String, String> {
        @Override
        public String cross(Long number, String s) {
            return number + ":" + s;
        }
    }
}
