package dev.spindle.dataset;

import dev.spindle.api.functions.FlatJoinFunction;
import dev.spindle.api.functions.Function;
import dev.spindle.api.functions.JoinFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.dataset.internal.JoinProbeOrder;
import dev.spindle.dataset.internal.SizeEstimates;
import dev.spindle.dataset.internal.TupleFieldKeySelector;
import dev.spindle.runtime.iteration.IterationNodeRole;
import dev.spindle.runtime.iteration.IterationSpec;
import dev.spindle.runtime.operators.OperatorFactory;
import dev.spindle.runtime.operators.join.HashJoinOperator;
import dev.spindle.runtime.operators.join.JoinSpec;
import dev.spindle.runtime.operators.join.JoinType;
import dev.spindle.runtime.operators.join.SolutionSetJoinOperator;
import dev.spindle.runtime.operators.join.SortMergeJoinOperator;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.plan.PlanEdge;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.BroadcastPartitioner;
import dev.spindle.runtime.shuffle.partitioner.ForwardPartitioner;
import dev.spindle.runtime.shuffle.partitioner.HashPartitioner;
import dev.spindle.runtime.sort.Order;
import dev.spindle.runtime.types.TypeExtractor;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A join whose inputs, type, hint and keys are known: turns into a plan node once its function is
 * (or, for inner joins, is not) given. The node's strategy follows the hint ({@link JoinHint}):
 *
 * <ul>
 *   <li>broadcast: the build input is broadcast over a blocking edge, the other comes forward, and the
 *   join takes the other input's parallelism;</li>
 *   <li>repartition hash: both inputs hash-partitioned by key, the build input over a blocking edge
 *   (the hash join reads it completely before the other);</li>
 *   <li>sort-merge: both inputs hash-partitioned by key, read in any order.</li>
 * </ul>
 *
 * Hash joins claim one share of their slot's managed memory, sort-merge joins two (two sorters).
 */
final class JoinDefinition<L, R> {

    private final DataSet<L> left;
    private final DataSet<R> right;
    private final JoinType type;
    private final JoinHint hint;
    private final KeySelector<L, ?> leftKey;
    private final KeySelector<R, ?> rightKey;
    /** Whether the join builds on the loop's input and probes with an input from outside the loop. */
    private boolean probesLoopInvariantInput;
    private JoinHint strategy;

    JoinDefinition(DataSet<L> left, DataSet<R> right, JoinType type, JoinHint hint, KeySelector<L, ?> leftKey,
                   KeySelector<R, ?> rightKey) {
        this.left = left;
        this.right = right;
        this.type = type;
        this.hint = hint;
        this.leftKey = leftKey;
        this.rightKey = rightKey;
    }

    /**
     * Rejects hints that cannot produce a join type's result: a broadcast input on the outer side,
     * whose unmatched records every subtask would emit.
     */
    static void checkHint(JoinType type, JoinHint hint) {
        if (hint == JoinHint.BROADCAST_HASH_FIRST && type.keepsUnmatchedLeft()
                || hint == JoinHint.BROADCAST_HASH_SECOND && type.keepsUnmatchedRight()) {
            String side = hint == JoinHint.BROADCAST_HASH_FIRST ? "left (first)" : "right (second)";
            throw new IllegalArgumentException("A " + type.displayName() + " cannot use " + hint + ": it keeps the "
                    + side + " input's unmatched records, but a broadcast input is seen whole by every subtask, "
                    + "none of which knows whether another one matched a record. Broadcast the other input, or use "
                    + "REPARTITION_HASH_FIRST, REPARTITION_HASH_SECOND or REPARTITION_SORT_MERGE.");
        }
    }

    ExecutionEnvironment env() {
        return left.env;
    }

    TypeSerializer<L> leftSerializer() {
        return left.serializer();
    }

    TypeSerializer<R> rightSerializer() {
        return right.serializer();
    }

    <O> DataSet<O> with(JoinFunction<L, R, O> function) {
        Type out = TypeExtractor.typeArgument(function, JoinFunction.class, 2, true);
        return new DataSet<>(env(), node(function, Serializers.forType(out)));
    }

    <O> DataSet<O> with(FlatJoinFunction<L, R, O> function) {
        Type out = TypeExtractor.typeArgument(function, FlatJoinFunction.class, 2, false);
        return new DataSet<>(env(), node(function, Serializers.forType(out)));
    }

    /**
     * The strategy: the hint, or for {@link JoinHint#OPTIMIZER_CHOOSES} inside an iteration a
     * repartition hash join building on the input computed in the loop, elsewhere one
     * building on the smaller input (estimated once: file sources list their files for it).
     * Inside an iteration, the probing input from outside the loop is also clustered by key before
     * the loop caches it (see {@link #clusteredByKey}).
     */
    JoinHint strategy() {
        if (strategy == null) {
            strategy = hint;
            boolean leftInLoop = readsIterationData(left.node);
            if (hint == JoinHint.OPTIMIZER_CHOOSES && leftInLoop != readsIterationData(right.node)) {
                // Inside an iteration the input from outside the loop is replayed every superstep:
                // build the table on the loop's own input rather than rebuilding the invariant one.
                strategy = leftInLoop ? JoinHint.REPARTITION_HASH_FIRST : JoinHint.REPARTITION_HASH_SECOND;
                probesLoopInvariantInput = true;
            } else if (hint == JoinHint.OPTIMIZER_CHOOSES) {
                long leftBytes = SizeEstimates.bytes(left.node);
                long rightBytes = SizeEstimates.bytes(right.node);
                strategy = leftBytes >= 0 && rightBytes >= 0 && leftBytes < rightBytes
                        ? JoinHint.REPARTITION_HASH_FIRST : JoinHint.REPARTITION_HASH_SECOND;
            }
        }
        return strategy;
    }

    /** The plan node of this join applying {@code function} ({@code null}: emit tuples of both records). */
    PlanNode node(Function function, TypeSerializer<?> outSerializer) {
        if (isSolutionSet(left.node) || isSolutionSet(right.node)) {
            return solutionSetJoin(function, outSerializer);
        }
        JoinSpec<L, R> spec = new JoinSpec<>(type, leftKey, rightKey, left.serializer(), right.serializer(), function);
        JoinHint strategy = strategy();
        OperatorFactory<?> factory = switch (strategy) {
            case BROADCAST_HASH_FIRST, REPARTITION_HASH_FIRST -> () -> new HashJoinOperator<>(spec, 0);
            case BROADCAST_HASH_SECOND, REPARTITION_HASH_SECOND, OPTIMIZER_CHOOSES ->
                    () -> new HashJoinOperator<>(spec, 1);
            case REPARTITION_SORT_MERGE -> () -> new SortMergeJoinOperator<>(spec);
        };
        PlanNode node = PlanNode.operator(env().nextId(), type.displayName() + " (" + describe(strategy) + ")", factory)
                .setOutputSerializer(outSerializer)
                .setManagedMemoryWeight(strategy == JoinHint.REPARTITION_SORT_MERGE ? 2 : 1);
        switch (strategy) {
            case BROADCAST_HASH_FIRST -> broadcast(node, left.node, right.node, 0);
            case BROADCAST_HASH_SECOND -> broadcast(node, right.node, left.node, 1);
            default -> {
                boolean clusterRight = probesLoopInvariantInput && strategy == JoinHint.REPARTITION_HASH_FIRST
                        && !groupedByKey(right.node, rightKey);
                boolean clusterLeft = probesLoopInvariantInput && strategy == JoinHint.REPARTITION_HASH_SECOND
                        && !groupedByKey(left.node, leftKey);
                PlanNode leftInput = clusterLeft ? clusteredByKey(left, leftKey).node : left.node;
                PlanNode rightInput = clusterRight ? clusteredByKey(right, rightKey).node : right.node;
                node.addInput(new PlanEdge(leftInput, new HashPartitioner<>(leftKey),
                        strategy == JoinHint.REPARTITION_HASH_FIRST ? ExchangeMode.BLOCKING : null, 0));
                node.addInput(new PlanEdge(rightInput, new HashPartitioner<>(rightKey),
                        strategy == JoinHint.REPARTITION_HASH_SECOND ? ExchangeMode.BLOCKING : null, 1));
            }
        }
        return node;
    }

    /**
     * {@code input} partitioned as the join partitions it, and each partition sorted by where its
     * keys fall in the join's hash tables ({@link JoinProbeOrder}), so that records of one key arrive
     * one after another, in one stream per subtask (the join's own partitioning then keeps every
     * record in its subtask), and keys in the order of the tables' index. The loop caches this
     * input and replays it in every superstep; replayed in this order, the probes of one key (a
     * vertex's edges) find its record of the hash table in the cache rather than in memory, and the
     * probes read the table's index front to back: Connected Components on 1M vertices and 5M edges
     * took 4 rather than 6 s a superstep with the first, 2.5 rather than 2.9 s with the second. The
     * sort happens once, before the loop. An input with one record per key gains nothing from it
     * (PageRank's adjacency lists, where it cost 3 s), so the output of a grouping by the join key
     * is left as it is.
     */
    private static <T> DataSet<T> clusteredByKey(DataSet<T> input, KeySelector<T, ?> key) {
        return input.partitionByHash(key).sortPartition(new JoinProbeOrder<>(key), Order.ASCENDING);
    }

    /** Whether {@code node} comes from a grouping by {@code key} (the same selector, or the same tuple fields). */
    private static boolean groupedByKey(PlanNode node, KeySelector<?, ?> key) {
        KeySelector<?, ?> grouping = node.groupedBy();
        return grouping == key || grouping instanceof TupleFieldKeySelector<?> a
                && key instanceof TupleFieldKeySelector<?> b && Arrays.equals(a.fields(), b.fields());
    }

    /** Whether {@code node} computes on an iteration's partial solution or workset (it runs inside the loop). */
    private static boolean readsIterationData(PlanNode node) {
        ArrayDeque<PlanNode> queue = new ArrayDeque<>(List.of(node));
        Set<PlanNode> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            PlanNode n = queue.poll();
            if (!seen.add(n) || n.iterationRole() == IterationNodeRole.RESULT) {
                continue;
            }
            if (n.iterationRole() == IterationNodeRole.HEAD) {
                return true;
            }
            n.inputs().forEach(e -> queue.add(e.source()));
        }
        return false;
    }

    static boolean isSolutionSet(PlanNode node) {
        return node.iterationRole() == IterationNodeRole.SOLUTION_SET;
    }

    /**
     * A join with a delta iteration's solution set: one input, partitioned like the solution set,
     * whose records look their match up in the iteration head's table.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private PlanNode solutionSetJoin(Function function, TypeSerializer<?> outSerializer) {
        boolean solutionLeft = isSolutionSet(left.node);
        if (solutionLeft && isSolutionSet(right.node)) {
            throw new IllegalArgumentException("A join of the solution set with itself is not supported");
        }
        if (type != JoinType.INNER) {
            throw new IllegalArgumentException("Only an inner join can read the solution set, not a "
                    + type.displayName());
        }
        PlanNode solutionSet = solutionLeft ? left.node : right.node;
        IterationSpec iteration = solutionSet.iteration();
        checkSolutionSetKey(iteration, solutionLeft ? leftKey : rightKey);
        PlanNode probe = solutionLeft ? right.node : left.node;
        KeySelector probeKey = solutionLeft ? rightKey : leftKey;
        PlanNode node = PlanNode.operator(env().nextId(), "Join (solution set)",
                        () -> new SolutionSetJoinOperator<>(probeKey, solutionLeft, function))
                .setOutputSerializer(outSerializer)
                .setIteration(iteration, IterationNodeRole.SOLUTION_SET_OPERATOR);
        node.addInput(new PlanEdge(probe, partitionedLikeSolutionSet(probe, probeKey)
                ? new ForwardPartitioner<>() : new HashPartitioner<>(probeKey), null, 0));
        return node;
    }

    /**
     * Whether {@code node}'s output already lies where the solution set's records of the same keys
     * do: it runs inside the loop (with the loop's parallelism) and is partitioned by the same tuple
     * fields (see {@link PlanNode#partitionedBy}), as the minima of Connected Components are. Its
     * records then need no shuffle, and the join is chained to it.
     */
    static boolean partitionedLikeSolutionSet(PlanNode node, KeySelector<?, ?> key) {
        return node.partitionedBy() instanceof TupleFieldKeySelector<?> partitioning
                && key instanceof TupleFieldKeySelector<?> fields
                && Arrays.equals(partitioning.fields(), fields.fields()) && readsIterationData(node);
    }

    /** The solution set can only be found by its own key. */
    static void checkSolutionSetKey(IterationSpec iteration, KeySelector<?, ?> joinKey) {
        KeySelector<?, ?> key = iteration.solutionSetKey();
        if (key instanceof TupleFieldKeySelector<?> fields && (!(joinKey instanceof TupleFieldKeySelector<?> other)
                || !java.util.Arrays.equals(fields.fields(), other.fields()))) {
            throw new IllegalArgumentException("The solution set of iteration '" + iteration.name()
                    + "' is keyed by fields " + java.util.Arrays.toString(fields.fields())
                    + "; a join with it must use the same fields on the solution set's side");
        }
    }

    /** Inputs of a broadcast hash join: the build side whole to every subtask, the probe side forward. */
    private static void broadcast(PlanNode join, PlanNode build, PlanNode probe, int buildInput) {
        PlanEdge buildEdge = new PlanEdge(build, new BroadcastPartitioner<>(), ExchangeMode.BLOCKING, buildInput);
        PlanEdge probeEdge = new PlanEdge(probe, new ForwardPartitioner<>(), null, 1 - buildInput);
        join.addInput(buildInput == 0 ? buildEdge : probeEdge);
        join.addInput(buildInput == 0 ? probeEdge : buildEdge);
        if (probe.parallelism() != PlanNode.DEFAULT_PARALLELISM) {
            join.setParallelism(probe.parallelism());
        }
        join.setMaxParallelism(probe.maxParallelism());
    }

    private static String describe(JoinHint strategy) {
        return switch (strategy) {
            case BROADCAST_HASH_FIRST -> "hash, left broadcast";
            case BROADCAST_HASH_SECOND -> "hash, right broadcast";
            case REPARTITION_HASH_FIRST -> "hash, build left";
            case REPARTITION_HASH_SECOND, OPTIMIZER_CHOOSES -> "hash, build right";
            case REPARTITION_SORT_MERGE -> "sort-merge";
        };
    }
}
