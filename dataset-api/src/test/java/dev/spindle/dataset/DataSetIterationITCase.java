package dev.spindle.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.aggregators.LongSumAggregator;
import dev.spindle.api.functions.FlatJoinFunction;
import dev.spindle.api.functions.RichFilterFunction;
import dev.spindle.api.functions.RichMapFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.accumulators.LongCounter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bulk and delta iterations on the embedded cluster at parallelism 1 and 4: the superstep number
 * functions see, the ways an iteration ends (maximum iterations, empty termination criterion,
 * convergence on an aggregator, empty workset), aggregates of the previous superstep, loop-invariant
 * inputs read once, and the errors for loops the runtime cannot run.
 */
class DataSetIterationITCase {

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster();

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldRunMaxIterationsSupersteps(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        IterativeDataSet<Long> loop = env.generateSequence(1, 10_000).iterate(7);
        List<Long> result = loop.closeWith(loop.map(x -> x + 1).returns(Long.class)).collect();

        assertEquals(LongStream.rangeClosed(8, 10_007).boxed().toList(), result.stream().sorted().toList());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldStopWhenTheTerminationCriterionIsEmpty(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        IterativeDataSet<Long> loop = env.generateSequence(0, 999).iterate(1_000);
        DataSet<Long> next = loop.map(x -> x + 10).returns(Long.class);
        // After superstep s the values are 10s..999+10s: none is below 500 first after superstep 50.
        List<Long> result = loop.closeWith(next, next.filter(x -> x < 500)).collect();

        assertEquals(LongStream.rangeClosed(500, 1_499).boxed().toList(), result.stream().sorted().toList());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldTellFunctionsTheSuperstepAndThePreviousAggregate(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        IterativeDataSet<Tuple2<Long, Long>> loop = env.generateSequence(1, 1_000)
                .map(x -> new Tuple2<>(x, 0L)).returns(new TypeHint<Tuple2<Long, Long>>() { })
                .iterate(5)
                .registerAggregator("sum", new LongSumAggregator());
        DataSet<Tuple2<Long, Long>> next = loop.map(new RecordSuperstep());
        List<Tuple2<Long, Long>> result = loop.closeWith(next).collect();

        // Superstep 1 adds 1 to every f1, superstep s the previous superstep's total / 1000 + s.
        long expectedF1 = 0;
        long previousSum = 0;
        for (int s = 1; s <= 5; s++) {
            long added = s == 1 ? 1 : previousSum / 1_000 + s;
            expectedF1 += added;
            previousSum = 1_000 * added;
        }
        assertEquals(1_000, result.size());
        for (Tuple2<Long, Long> t : result) {
            assertEquals(expectedF1, t.f1, "record " + t.f0);
        }
    }

    /** Adds 1 in superstep 1, later (previous superstep's total added / 1000) + superstep; aggregates what it added. */
    static final class RecordSuperstep extends RichMapFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> map(Tuple2<Long, Long> value) {
            int superstep = getRuntimeContext().getSuperstepNumber();
            Long previous = getRuntimeContext().getPreviousIterationAggregate("sum");
            long add = superstep == 1 ? 1 : previous / 1_000 + superstep;
            LongSumAggregator sum = getRuntimeContext().getIterationAggregator("sum");
            sum.aggregate(add);
            return new Tuple2<>(value.f0, value.f1 + add);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldEndWhenTheConvergenceCriterionHolds(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        // Every value starts at 2^20 and is halved each superstep; stop once their total is below 100.
        IterativeDataSet<Tuple2<Long, Long>> loop = env.generateSequence(1, 1_000)
                .map(x -> new Tuple2<>(1L << 20, 0L)).returns(new TypeHint<Tuple2<Long, Long>>() { })
                .iterate(1_000)
                .registerAggregationConvergenceCriterion("total", new LongSumAggregator(),
                        (superstep, total) -> total < 100);
        List<Tuple2<Long, Long>> result = loop.closeWith(loop.map(new HalveAndSum())).collect();

        // After superstep 20 every value is 1 (total 1000); superstep 21 makes them 0: converged.
        assertEquals(1_000, result.size());
        for (Tuple2<Long, Long> t : result) {
            assertEquals(new Tuple2<>(0L, 21L), t);
        }
    }

    /** Halves a value, adds the result to the "total" aggregator and records the superstep. */
    static final class HalveAndSum extends RichMapFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> map(Tuple2<Long, Long> value) {
            long half = value.f0 / 2;
            ((LongSumAggregator) getRuntimeContext().getIterationAggregator("total")).aggregate(half);
            return new Tuple2<>(half, (long) getRuntimeContext().getSuperstepNumber());
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldReadLoopInvariantInputsOnce(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Tuple2<Long, Long>> increments = env.generateSequence(0, 99)
                .map(new CountReads()).returns(new TypeHint<Tuple2<Long, Long>>() { });
        IterativeDataSet<Tuple2<Long, Long>> loop = env.generateSequence(0, 99)
                .map(x -> new Tuple2<>(x, 0L)).returns(new TypeHint<Tuple2<Long, Long>>() { })
                .iterate(10);
        DataSet<Tuple2<Long, Long>> next = loop.join(increments).where(0).equalTo(0)
                .with((a, b) -> new Tuple2<>(a.f0, a.f1 + b.f1));
        List<Tuple2<Long, Long>> result = loop.closeWith(next).collect();

        assertEquals(100, result.size());
        for (Tuple2<Long, Long> t : result) {
            assertEquals(10 * t.f0, t.f1);
        }
        assertEquals(100L, (Long) env.getLastJobExecutionResult().getAccumulatorResult("reads"),
                "the invariant input was computed once, not once per superstep");
    }

    /** Pairs a number with itself, counting how often it runs. */
    static final class CountReads extends RichMapFunction<Long, Tuple2<Long, Long>> {
        private final LongCounter reads = new LongCounter();

        @Override
        public void open() {
            getRuntimeContext().addAccumulator("reads", reads);
        }

        @Override
        public Tuple2<Long, Long> map(Long value) {
            reads.add(1L);
            return new Tuple2<>(value, value);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldFindConnectedComponentsWithADeltaIteration(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        // Two chains 0-1-...-49 and 100-101-...-139, and an isolated vertex 200.
        List<Tuple2<Long, Long>> edgeList = new ArrayList<>();
        for (long v = 0; v < 49; v++) {
            edgeList.add(new Tuple2<>(v, v + 1));
        }
        for (long v = 100; v < 139; v++) {
            edgeList.add(new Tuple2<>(v + 1, v));
        }
        List<Long> vertexList = new ArrayList<>();
        LongStream.range(0, 50).forEach(vertexList::add);
        LongStream.range(100, 140).forEach(vertexList::add);
        vertexList.add(200L);

        List<Tuple2<Long, Long>> result = connectedComponents(env.fromCollection(vertexList), edgeList).collect();

        Map<Long, Long> components = result.stream().collect(Collectors.toMap(t -> t.f0, t -> t.f1));
        Map<Long, Long> expected = new HashMap<>();
        LongStream.range(0, 50).forEach(v -> expected.put(v, 0L));
        LongStream.range(100, 140).forEach(v -> expected.put(v, 100L));
        expected.put(200L, 200L);
        assertEquals(expected, components);
    }

    /**
     * Once the workset of a Connected Components iteration has shrunk to a few vertices, the join
     * with the cached edges skips the edges whose source is not in it without reading them: the
     * loop's task logs, at DEBUG, how many cached records each superstep skipped.
     */
    @Test
    void shouldSkipCachedEdgesThatNoWorksetRecordCanJoin() throws Exception {
        int n = 20_000;
        Random random = new Random(7);
        List<Tuple2<Long, Long>> edgeList = new ArrayList<>();
        int[] parent = new int[n];
        Arrays.setAll(parent, i -> i);
        for (int i = 0; i < 2 * n; i++) {
            int u = random.nextInt(n);
            int v = random.nextInt(n);
            edgeList.add(new Tuple2<>((long) u, (long) v));
            parent[root(parent, u)] = root(parent, v);
        }
        Map<Integer, Long> smallestOfRoot = new HashMap<>();
        for (int v = 0; v < n; v++) {
            smallestOfRoot.merge(root(parent, v), (long) v, Math::min);
        }

        ExecutionEnvironment env = cluster.createEnvironment(2);
        DataSet<Tuple2<Long, Long>> components = connectedComponents(env.generateSequence(0, n - 1), edgeList);
        List<Tuple2<Long, Long>> result;
        List<String> log;
        try (LogCapture capture = new LogCapture("dev.spindle.runtime.task.SuperstepLoop")) {
            result = components.collect();
            log = capture.messages();
        }

        assertEquals(n, result.size());
        for (Tuple2<Long, Long> t : result) {
            assertEquals(smallestOfRoot.get(root(parent, t.f0.intValue())), t.f1, "component of " + t.f0);
        }
        Pattern skipped = Pattern.compile("skipped (\\d+) of the (\\d+) cached records");
        double mostSkipped = log.stream().map(skipped::matcher).filter(Matcher::find)
                .mapToDouble(m -> Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2)))
                .max().orElseThrow(() -> new AssertionError("no superstep logged what it skipped: " + log));
        assertTrue(mostSkipped > 0.9, "at most " + mostSkipped + " of the cached edges were skipped in a superstep");
    }

    /**
     * (vertex, smallest vertex of its component) by a delta iteration: the workset's component ids
     * go along the edges (both directions), the smallest per vertex is kept if smaller than its own.
     */
    private static DataSet<Tuple2<Long, Long>> connectedComponents(DataSet<Long> vertexIds,
                                                                   List<Tuple2<Long, Long>> edgeList) {
        DataSet<Tuple2<Long, Long>> edges = vertexIds.getExecutionEnvironment().fromCollection(edgeList)
                .flatMap((Tuple2<Long, Long> e, dev.spindle.api.functions.Collector<Tuple2<Long, Long>> out) -> {
                    out.collect(e);
                    out.collect(new Tuple2<>(e.f1, e.f0));
                }).returns(new TypeHint<Tuple2<Long, Long>>() { });
        DataSet<Tuple2<Long, Long>> vertices = vertexIds.map(v -> new Tuple2<>(v, v))
                .returns(new TypeHint<Tuple2<Long, Long>>() { });
        DeltaIteration<Tuple2<Long, Long>, Tuple2<Long, Long>> iteration = vertices.iterateDelta(vertices, 100, 0);
        DataSet<Tuple2<Long, Long>> changes = iteration.getWorkset().join(edges).where(0).equalTo(0)
                .with((w, e) -> new Tuple2<>(e.f1, w.f1)).returns(new TypeHint<Tuple2<Long, Long>>() { })
                .groupBy(0).min(1)
                .join(iteration.getSolutionSet()).where(0).equalTo(0)
                .with(new KeepSmaller());
        return iteration.closeWith(changes, changes);
    }

    private static int root(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldCoGroupWithTheSolutionSet(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        // A path 0 - 1 - ... - 59 given in reverse: every vertex ends in component 0.
        List<Tuple2<Long, Long>> edgeList = new ArrayList<>();
        for (long v = 59; v > 0; v--) {
            edgeList.add(new Tuple2<>(v, v - 1));
            edgeList.add(new Tuple2<>(v - 1, v));
        }
        DataSet<Tuple2<Long, Long>> edges = env.fromCollection(edgeList);
        DataSet<Tuple2<Long, Long>> vertices = env.generateSequence(0, 59)
                .map(v -> new Tuple2<>(v, v)).returns(new TypeHint<Tuple2<Long, Long>>() { });
        DeltaIteration<Tuple2<Long, Long>, Tuple2<Long, Long>> iteration = vertices.iterateDelta(vertices, 100, 0);
        DataSet<Tuple2<Long, Long>> changes = iteration.getWorkset().join(edges).where(0).equalTo(0)
                .with((w, e) -> new Tuple2<>(e.f1, w.f1)).returns(new TypeHint<Tuple2<Long, Long>>() { })
                .coGroup(iteration.getSolutionSet()).where(0).equalTo(0)
                .with(new SmallestCandidate());
        List<Tuple2<Long, Long>> result = iteration.closeWith(changes, changes).collect();

        assertEquals(60, result.size());
        for (Tuple2<Long, Long> t : result) {
            assertEquals(0L, t.f1, "vertex " + t.f0);
        }
    }

    /** The smallest candidate component id of a vertex, if smaller than its current one. */
    static final class SmallestCandidate implements dev.spindle.api.functions.CoGroupFunction<Tuple2<Long, Long>,
            Tuple2<Long, Long>, Tuple2<Long, Long>> {
        @Override
        public void coGroup(Iterable<Tuple2<Long, Long>> candidates, Iterable<Tuple2<Long, Long>> current,
                            dev.spindle.api.functions.Collector<Tuple2<Long, Long>> out) {
            Tuple2<Long, Long> vertex = current.iterator().next();
            long smallest = vertex.f1;
            for (Tuple2<Long, Long> c : candidates) {
                smallest = Math.min(smallest, c.f1);
            }
            if (smallest < vertex.f1) {
                out.collect(new Tuple2<>(vertex.f0, smallest));
            }
        }
    }

    /** Emits the candidate when its component id is smaller than the vertex's current one. */
    static final class KeepSmaller implements FlatJoinFunction<Tuple2<Long, Long>, Tuple2<Long, Long>, Tuple2<Long, Long>> {
        @Override
        public void join(Tuple2<Long, Long> candidate, Tuple2<Long, Long> current,
                         dev.spindle.api.functions.Collector<Tuple2<Long, Long>> out) {
            if (candidate.f1 < current.f1) {
                out.collect(candidate);
            }
        }
    }

    @Test
    void shouldRejectADataSetOfTheLoopUsedOutsideIt() {
        ExecutionEnvironment env = cluster.createEnvironment(2);
        IterativeDataSet<Long> loop = env.generateSequence(1, 10).iterate(3);
        DataSet<Long> inside = loop.map(x -> x + 1).returns(Long.class);
        DataSet<Long> result = loop.closeWith(inside);
        Exception e = assertThrows(Exception.class, () -> inside.union(result).collect());
        assertTrue(String.valueOf(e.getMessage()).contains("outside the iteration"), e.getMessage());
    }

    @Test
    void shouldRejectReadingTheSolutionSetDirectly() {
        ExecutionEnvironment env = cluster.createEnvironment(2);
        DataSet<Tuple2<Long, Long>> pairs = env.generateSequence(1, 10)
                .map(x -> new Tuple2<>(x, x)).returns(new TypeHint<Tuple2<Long, Long>>() { });
        DeltaIteration<Tuple2<Long, Long>, Tuple2<Long, Long>> iteration = pairs.iterateDelta(pairs, 3, 0);
        DataSet<Tuple2<Long, Long>> copy = iteration.getSolutionSet().filter(new RichFilterFunction<>() {
            @Override
            public boolean filter(Tuple2<Long, Long> value) {
                return true;
            }
        });
        Exception e = assertThrows(Exception.class, () -> iteration.closeWith(copy, copy).collect());
        assertTrue(String.valueOf(e.getMessage()).contains("can only be joined"), e.getMessage());
    }
}
