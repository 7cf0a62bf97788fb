package dev.spindle.dataset;

import dev.spindle.api.functions.CoGroupFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.dataset.internal.TupleFieldKeySelector;
import dev.spindle.runtime.iteration.IterationNodeRole;
import dev.spindle.runtime.operators.OperatorFactory;
import dev.spindle.runtime.operators.cogroup.CoGroupOperator;
import dev.spindle.runtime.operators.cogroup.SolutionSetCoGroupOperator;
import dev.spindle.runtime.plan.PlanEdge;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.ForwardPartitioner;
import dev.spindle.runtime.shuffle.partitioner.HashPartitioner;
import dev.spindle.runtime.types.TypeExtractor;
import java.lang.reflect.Type;

/**
 * The steps of {@code left.coGroup(right).where(...).equalTo(...).with(function)}: the key of the
 * left input, the key of the right input, then the function that gets, for each key, the records
 * of both inputs with that key. Keys are tuple field positions or key selectors; both keys must
 * have the same type. Both inputs are hash-partitioned by key and sorted in managed memory with
 * spilling, so inputs and key groups may be larger than memory.
 */
public final class CoGroupBuilder<L, R> {

    private final DataSet<L> left;
    private final DataSet<R> right;

    CoGroupBuilder(DataSet<L> left, DataSet<R> right) {
        if (left.env != right.env) {
            throw new IllegalArgumentException("Cannot coGroup data sets of different environments");
        }
        this.left = left;
        this.right = right;
    }

    /** The left key: tuple fields (0-based positions). */
    public WhereClause<L, R> where(int... fields) {
        return new WhereClause<>(this, new TupleFieldKeySelector<>(fields), fields.length);
    }

    /** The left key, computed by {@code key}. */
    public <K> WhereClause<L, R> where(KeySelector<L, K> key) {
        return new WhereClause<>(this, key, -1);
    }

    /** A coGroup whose left key is known; {@link #equalTo} gives the right key. */
    public static final class WhereClause<L, R> {

        private final CoGroupBuilder<L, R> inputs;
        private final KeySelector<L, ?> leftKey;
        /** The number of left key fields, or -1 for a key selector. */
        private final int leftFields;

        private WhereClause(CoGroupBuilder<L, R> inputs, KeySelector<L, ?> leftKey, int leftFields) {
            this.inputs = inputs;
            this.leftKey = leftKey;
            this.leftFields = leftFields;
        }

        /** The right key: tuple fields (0-based positions), as many as the left key has. */
        public KeyedCoGroup<L, R> equalTo(int... fields) {
            if (leftFields >= 0 && leftFields != fields.length) {
                throw new IllegalArgumentException("The left key has " + leftFields + " fields but the right key has "
                        + fields.length + "; coGroup keys must match");
            }
            return new KeyedCoGroup<>(inputs, leftKey, new TupleFieldKeySelector<>(fields));
        }

        /** The right key, computed by {@code key}. */
        public <K> KeyedCoGroup<L, R> equalTo(KeySelector<R, K> key) {
            return new KeyedCoGroup<>(inputs, leftKey, key);
        }
    }

    /** A coGroup with both keys; {@link #with} completes it. */
    public static final class KeyedCoGroup<L, R> {

        private final CoGroupBuilder<L, R> inputs;
        private final KeySelector<L, ?> leftKey;
        private final KeySelector<R, ?> rightKey;

        private KeyedCoGroup(CoGroupBuilder<L, R> inputs, KeySelector<L, ?> leftKey, KeySelector<R, ?> rightKey) {
            this.inputs = inputs;
            this.leftKey = leftKey;
            this.rightKey = rightKey;
        }

        /** Calls {@code function} once per key of either input with both inputs' records of that key. */
        public <O> DataSet<O> with(CoGroupFunction<L, R, O> function) {
            DataSet<L> left = inputs.left;
            DataSet<R> right = inputs.right;
            Type type = TypeExtractor.typeArgument(function, CoGroupFunction.class, 2, false);
            TypeSerializer<L> leftSerializer = left.serializer();
            TypeSerializer<R> rightSerializer = right.serializer();
            KeySelector<L, ?> lk = leftKey;
            KeySelector<R, ?> rk = rightKey;
            if (JoinDefinition.isSolutionSet(left.node) || JoinDefinition.isSolutionSet(right.node)) {
                return solutionSetCoGroup(function, Serializers.forType(type));
            }
            PlanNode node = PlanNode.operator(left.env.nextId(), "CoGroup", (OperatorFactory<O>)
                            () -> new CoGroupOperator<>(function, lk, rk, leftSerializer, rightSerializer))
                    .setOutputSerializer(Serializers.forType(type))
                    .setManagedMemoryWeight(1);
            node.addInput(new PlanEdge(left.node, new HashPartitioner<>(leftKey), null, 0));
            node.addInput(new PlanEdge(right.node, new HashPartitioner<>(rightKey), null, 1));
            return new DataSet<>(left.env, node);
        }

        /** A coGroup with a delta iteration's solution set: one input, partitioned like the solution set. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private <O> DataSet<O> solutionSetCoGroup(CoGroupFunction<L, R, O> function, TypeSerializer<O> out) {
            boolean solutionLeft = JoinDefinition.isSolutionSet(inputs.left.node);
            if (solutionLeft && JoinDefinition.isSolutionSet(inputs.right.node)) {
                throw new IllegalArgumentException("A coGroup of the solution set with itself is not supported");
            }
            DataSet<?> other = solutionLeft ? inputs.right : inputs.left;
            PlanNode solutionSet = solutionLeft ? inputs.left.node : inputs.right.node;
            JoinDefinition.checkSolutionSetKey(solutionSet.iteration(), solutionLeft ? leftKey : rightKey);
            KeySelector otherKey = solutionLeft ? rightKey : leftKey;
            TypeSerializer otherSerializer = other.serializer();
            CoGroupFunction<Object, Object, O> f = (CoGroupFunction) function;
            PlanNode node = PlanNode.operator(other.env.nextId(), "CoGroup (solution set)", (OperatorFactory<O>)
                            () -> new SolutionSetCoGroupOperator<>(f, otherSerializer, otherKey, solutionLeft))
                    .setOutputSerializer(out)
                    .setManagedMemoryWeight(1)
                    .setIteration(solutionSet.iteration(), IterationNodeRole.SOLUTION_SET_OPERATOR);
            node.addInput(new PlanEdge(other.node, JoinDefinition.partitionedLikeSolutionSet(other.node, otherKey)
                    ? new ForwardPartitioner<>() : new HashPartitioner<>(otherKey), null, 0));
            return new DataSet<>(other.env, node);
        }
    }
}
