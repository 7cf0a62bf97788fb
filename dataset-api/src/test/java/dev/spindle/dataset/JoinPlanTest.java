package dev.spindle.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.plan.PlanEdge;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.shuffle.partitioner.BroadcastPartitioner;
import dev.spindle.runtime.shuffle.partitioner.ForwardPartitioner;
import dev.spindle.runtime.shuffle.partitioner.HashPartitioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plans joins make: strategy choice, edges, memory weights, and hints rejected when the join is defined. */
class JoinPlanTest {

    @TempDir
    Path tmp;

    /** Builds plans only; running one is a test error. */
    private static final class PlanOnlyExecutor implements JobExecutor {
        @Override
        public JobResult execute(JobGraph graph) {
            throw new AssertionError("a plan test must not run jobs");
        }

        @Override
        public int defaultParallelism() {
            return 4;
        }

        @Override
        public Configuration configuration() {
            return new Configuration();
        }
    }

    private final ExecutionEnvironment env = ExecutionEnvironment.create(new PlanOnlyExecutor());

    private DataSet<Tuple2<Integer, String>> pairs(int n) {
        List<Tuple2<Integer, String>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Tuple2.of(i, "value " + i));
        }
        return env.fromCollection(list);
    }

    private static String strategy(DataSet<?> join) {
        String name = join.node.name();
        return name.substring(name.indexOf('(') + 1, name.length() - 1);
    }

    @Test
    void shouldBuildTheHashTableOnTheSmallerInputWhenSizesAreKnown() throws Exception {
        DataSet<Tuple2<Integer, String>> small = pairs(10);
        DataSet<Tuple2<Integer, String>> large = pairs(1_000);
        assertEquals("hash, build left", strategy(small.join(large).where(0).equalTo(0)));
        assertEquals("hash, build right", strategy(large.join(small).where(0).equalTo(0)));
        // Filters, maps, reductions and repartitionings pass estimates on.
        DataSet<Tuple2<Integer, String>> filtered = small.filter(t -> t.f0 > 2).map(t -> t)
                .returns(new TypeHint<Tuple2<Integer, String>>() { }).partitionByHash(0);
        assertEquals("hash, build left", strategy(filtered.join(large).where(0).equalTo(0)));
        assertEquals("hash, build left", strategy(small.union(small).join(large).where(0).equalTo(0)));
        // Files: by their length.
        Path shortFile = Files.writeString(tmp.resolve("short.txt"), "a\nb\n");
        Path longFile = Files.writeString(tmp.resolve("long.txt"), "line\n".repeat(1_000));
        DataSet<String> shortLines = env.readTextFile(shortFile.toString());
        DataSet<String> longLines = env.readTextFile(longFile.toString());
        assertEquals("hash, build left", strategy(shortLines.join(longLines).where(s -> s).equalTo(s -> s)));
        assertEquals("hash, build right", strategy(longLines.join(shortLines).where(s -> s).equalTo(s -> s)));
    }

    @Test
    void shouldBuildOnTheSecondInputWhenASizeIsUnknown() {
        DataSet<Tuple2<Integer, String>> small = pairs(10);
        DataSet<Tuple2<Integer, String>> large = pairs(1_000);
        DataSet<Tuple2<Integer, String>> exploded = small.flatMap((Tuple2<Integer, String> t,
                dev.spindle.api.functions.Collector<Tuple2<Integer, String>> out) -> out.collect(t))
                .returns(new TypeHint<Tuple2<Integer, String>>() { });
        assertEquals("hash, build right", strategy(exploded.join(large).where(0).equalTo(0)));
        DataSet<Tuple2<Integer, String>> missing = env.readCsvFile(tmp.resolve("missing.csv").toString())
                .types(Integer.class, String.class);
        assertEquals("hash, build right", strategy(missing.join(large).where(0).equalTo(0)));
    }

    @Test
    void shouldConnectEachStrategyAsItsHintSays() {
        DataSet<Tuple2<Integer, String>> left = pairs(10);
        DataSet<Tuple2<Integer, String>> right = pairs(10).setParallelism(1);

        PlanNode broadcastFirst = left.join(right, JoinHint.BROADCAST_HASH_FIRST).where(0).equalTo(0).node;
        assertEdge(broadcastFirst, 0, BroadcastPartitioner.class, ExchangeMode.BLOCKING);
        assertEdge(broadcastFirst, 1, ForwardPartitioner.class, null);
        assertEquals(1, broadcastFirst.parallelism(), "runs with the parallelism of the input it does not broadcast");
        assertEquals(1, broadcastFirst.managedMemoryWeight());

        PlanNode broadcastSecond = left.join(right, JoinHint.BROADCAST_HASH_SECOND).where(0).equalTo(0).node;
        assertEdge(broadcastSecond, 0, ForwardPartitioner.class, null);
        assertEdge(broadcastSecond, 1, BroadcastPartitioner.class, ExchangeMode.BLOCKING);
        assertEquals(1, broadcastSecond.maxParallelism(), "a collection source runs with parallelism 1");

        PlanNode hashFirst = left.join(right, JoinHint.REPARTITION_HASH_FIRST).where(0).equalTo(0).node;
        assertEdge(hashFirst, 0, HashPartitioner.class, ExchangeMode.BLOCKING);
        assertEdge(hashFirst, 1, HashPartitioner.class, null);
        assertEquals(PlanNode.DEFAULT_PARALLELISM, hashFirst.parallelism());

        PlanNode hashSecond = left.leftOuterJoin(right, JoinHint.REPARTITION_HASH_SECOND).where(0).equalTo(0)
                .with((l, r) -> l).node;
        assertEdge(hashSecond, 0, HashPartitioner.class, null);
        assertEdge(hashSecond, 1, HashPartitioner.class, ExchangeMode.BLOCKING);
        assertEquals("LeftOuterJoin (hash, build right)", hashSecond.name());

        PlanNode sortMerge = left.fullOuterJoin(right, JoinHint.REPARTITION_SORT_MERGE).where(0).equalTo(0)
                .with((l, r) -> "x").node;
        assertEdge(sortMerge, 0, HashPartitioner.class, null);
        assertEdge(sortMerge, 1, HashPartitioner.class, null);
        assertEquals(2, sortMerge.managedMemoryWeight(), "two sorters");
    }

    @Test
    void shouldClusterTheLoopInvariantProbeInputOfAJoinInsideAnIterationByKey() {
        DataSet<Tuple2<Integer, String>> edges = pairs(100);
        IterativeDataSet<Tuple2<Integer, String>> loop = pairs(10).iterate(3);

        PlanNode join = loop.join(edges).where(0).equalTo(0).node;
        assertEquals("Join (hash, build left)", join.name(), "builds on the loop's input");
        PlanEdge probe = join.inputs().stream().filter(e -> e.inputIndex() == 1).findFirst().orElseThrow();
        PlanNode sort = probe.source();
        assertEquals("SortPartition", sort.name(), "the probe input is sorted before the loop caches it");
        PlanEdge partition = sort.inputs().get(0);
        assertEquals("PartitionByHash", partition.source().name());
        assertEquals(edges.node, partition.source().inputs().get(0).source());

        // Outside an iteration the probe input goes to the join as it is.
        PlanNode plain = pairs(10).join(edges).where(0).equalTo(0).node;
        assertTrue(plain.inputs().stream().allMatch(e -> e.source().name().startsWith("Collection")),
                plain.inputs().toString());
        // An input grouped by the join key has one record per key: nothing to cluster.
        DataSet<Tuple2<Integer, String>> perKey = edges.groupBy(0).reduce((a, b) -> a);
        PlanNode grouped = loop.join(perKey).where(0).equalTo(0).node;
        assertEquals(perKey.node, grouped.inputs().stream().filter(e -> e.inputIndex() == 1).findFirst()
                .orElseThrow().source());
        loop.closeWith(loop.map(t -> t).returns(new TypeHint<Tuple2<Integer, String>>() { }));
    }

    /**
     * The minima of a delta iteration's step, aggregated by the solution set's key inside the loop,
     * already lie where the solution set's records of those keys do: the join and the coGroup with
     * the solution set read them forward (and are chained to the aggregation). Anything else that
     * reaches them is hash-partitioned: a reduce (whose function may change the key), an aggregation
     * outside the loop, by a key selector, or by another field.
     */
    @Test
    void shouldReadAnAggregationByTheSolutionSetsKeyInsideTheLoopForward() {
        List<Tuple2<Integer, Long>> list = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            list.add(Tuple2.of(i, (long) i));
        }
        DataSet<Tuple2<Integer, Long>> vertices = env.fromCollection(list);
        DeltaIteration<Tuple2<Integer, Long>, Tuple2<Integer, Long>> iteration = vertices.iterateDelta(vertices, 5, 0);
        DataSet<Tuple2<Integer, Long>> candidates = iteration.getWorkset().join(vertices).where(0).equalTo(0)
                .with((a, b) -> Tuple2.of(b.f0, a.f1)).returns(new TypeHint<Tuple2<Integer, Long>>() { });

        assertEquals(ForwardPartitioner.class, solutionSetInput(
                candidates.groupBy(0).min(1).join(iteration.getSolutionSet()).where(0).equalTo(0)));
        assertEquals(ForwardPartitioner.class, solutionSetInput(candidates.groupBy(0).min(1)
                .coGroup(iteration.getSolutionSet()).where(0).equalTo(0)
                .<Tuple2<Integer, Long>>with((a, b, out) -> { }).returns(new TypeHint<Tuple2<Integer, Long>>() { })));

        assertEquals(HashPartitioner.class, solutionSetInput(candidates.groupBy(0).reduce((a, b) -> a)
                .join(iteration.getSolutionSet()).where(0).equalTo(0)));
        assertEquals(HashPartitioner.class, solutionSetInput(
                vertices.groupBy(0).min(1).join(iteration.getSolutionSet()).where(0).equalTo(0)));
        assertEquals(HashPartitioner.class, solutionSetInput(candidates.groupBy(t -> t.f0).min(1)
                .join(iteration.getSolutionSet()).where(0).equalTo(0)));
        assertEquals(HashPartitioner.class, solutionSetInput(candidates.groupBy(1).min(0)
                .join(iteration.getSolutionSet()).where(0).equalTo(0)));
    }

    private static Class<?> solutionSetInput(DataSet<?> solutionSetOperator) {
        assertEquals(1, solutionSetOperator.node.inputs().size(), solutionSetOperator.node.name());
        return solutionSetOperator.node.inputs().get(0).partitioner().getClass();
    }

    private static void assertEdge(PlanNode join, int input, Class<?> partitioner, ExchangeMode mode) {
        PlanEdge edge = join.inputs().stream().filter(e -> e.inputIndex() == input).findFirst().orElseThrow();
        assertInstanceOf(partitioner, edge.partitioner(), "input " + input);
        assertEquals(mode, edge.exchangeMode(), "exchange mode of input " + input);
        assertNull(edge.broadcastName());
    }

    @Test
    void shouldTypeResultsAndTakeBroadcastSets() {
        DataSet<Tuple2<Integer, String>> left = pairs(10);
        DataSet<Tuple2<Integer, String>> right = pairs(10);
        DataSet<String> joined = left.join(right).where(0).equalTo(0).with((l, r) -> l.f1 + r.f1);
        assertEquals("StringSerializer", joined.node.outputSerializer().getClass().getSimpleName());
        joined.withBroadcastSet(env.fromElements(1), "one");
        PlanEdge broadcast = joined.node.inputs().get(2);
        assertEquals("one", broadcast.broadcastName());
        assertEquals(2, broadcast.inputIndex());
    }

    @Test
    void shouldRejectBroadcastingTheOuterSideAndMismatchedKeys() {
        DataSet<Tuple2<Integer, String>> l = pairs(10);
        DataSet<Tuple2<Integer, String>> r = pairs(10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.leftOuterJoin(r, JoinHint.BROADCAST_HASH_FIRST));
        assertTrue(e.getMessage().startsWith("A LeftOuterJoin cannot use BROADCAST_HASH_FIRST"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> l.rightOuterJoin(r, JoinHint.BROADCAST_HASH_SECOND));
        assertThrows(IllegalArgumentException.class, () -> l.fullOuterJoin(r, JoinHint.BROADCAST_HASH_FIRST));
        assertThrows(IllegalArgumentException.class, () -> l.fullOuterJoin(r, JoinHint.BROADCAST_HASH_SECOND));
        // The inner side may be broadcast.
        l.leftOuterJoin(r, JoinHint.BROADCAST_HASH_SECOND);
        l.rightOuterJoin(r, JoinHint.BROADCAST_HASH_FIRST);

        IllegalArgumentException fields = assertThrows(IllegalArgumentException.class,
                () -> l.join(r).where(0, 1).equalTo(0));
        assertTrue(fields.getMessage().contains("2 key fields"), fields.getMessage());
        IllegalArgumentException position = assertThrows(IllegalArgumentException.class,
                () -> l.join(r).where(0).equalTo(2));
        assertEquals("equalTo(...) names field 2, but the records are Tuple2s with fields 0 to 1", position.getMessage());
        IllegalArgumentException notTuples = assertThrows(IllegalArgumentException.class,
                () -> env.generateSequence(1, 10).join(r).where(0));
        assertTrue(notTuples.getMessage().contains("needs tuple records") && notTuples.getMessage().contains("KeySelector"),
                notTuples.getMessage());
        ExecutionEnvironment other = ExecutionEnvironment.create(new PlanOnlyExecutor());
        assertThrows(IllegalArgumentException.class, () -> l.join(other.fromElements(1)));
    }
}
