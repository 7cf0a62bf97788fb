package dev.spindle.dataset;

import dev.spindle.api.functions.CrossFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.operators.OperatorFactory;
import dev.spindle.runtime.operators.cross.CrossOperator;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.plan.PlanEdge;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TupleSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.BroadcastPartitioner;
import dev.spindle.runtime.shuffle.partitioner.ForwardPartitioner;
import dev.spindle.runtime.shuffle.partitioner.Partitioner;
import dev.spindle.runtime.types.TypeExtractor;
import java.lang.reflect.Type;

/**
 * The cross product of two data sets: every pair {@code (left, right)}, as a {@code Tuple2} or,
 * after {@link #with}, as whatever a {@link CrossFunction} makes of it. One input is broadcast to
 * every subtask, written out whole first (a blocking exchange) and buffered in managed memory,
 * spilling to disk if it does not fit; the other input is streamed past it and keeps its
 * partitioning and parallelism. {@link DataSet#cross} and {@link DataSet#crossWithTiny} broadcast
 * the right input, {@link DataSet#crossWithHuge} the left one: broadcast the smaller input.
 */
public final class CrossDataSet<L, R> extends DataSet<Tuple2<L, R>> {

    private final DataSet<L> left;
    private final DataSet<R> right;
    /** The input index that is broadcast and buffered: 0 (left) or 1 (right). */
    private final int bufferedInput;

    private CrossDataSet(DataSet<L> left, DataSet<R> right, int bufferedInput, PlanNode node) {
        super(left.env, node);
        this.left = left;
        this.right = right;
        this.bufferedInput = bufferedInput;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <L, R> CrossDataSet<L, R> create(DataSet<L> left, DataSet<R> right, int bufferedInput) {
        if (left.env != right.env) {
            throw new IllegalArgumentException("Cannot cross data sets of different environments");
        }
        TypeSerializer<Tuple2<L, R>> pairs = new TupleSerializer(Tuple2.class,
                new TypeSerializer<?>[] {left.serializer(), right.serializer()});
        return new CrossDataSet<>(left, right, bufferedInput,
                crossNode(left, right, bufferedInput, new PairUp<>(), pairs));
    }

    /** Makes one record of each pair with {@code function} instead of a {@code Tuple2}. */
    public <O> DataSet<O> with(CrossFunction<L, R, O> function) {
        Type type = TypeExtractor.typeArgument(function, CrossFunction.class, 2, true);
        return new DataSet<>(env, crossNode(left, right, bufferedInput, function, Serializers.forType(type)));
    }

    private static <L, R, O> PlanNode crossNode(DataSet<L> left, DataSet<R> right, int bufferedInput,
                                                CrossFunction<L, R, O> function, TypeSerializer<O> outSerializer) {
        TypeSerializer<L> leftSerializer = left.serializer();
        TypeSerializer<R> rightSerializer = right.serializer();
        PlanNode node = PlanNode.operator(left.env.nextId(), "Cross", (OperatorFactory<O>)
                        () -> new CrossOperator<>(function, bufferedInput, leftSerializer, rightSerializer))
                .setOutputSerializer(outSerializer)
                .setManagedMemoryWeight(1);
        node.addInput(edge(left.node, bufferedInput == 0, 0));
        node.addInput(edge(right.node, bufferedInput == 1, 1));
        PlanNode streamed = bufferedInput == 0 ? right.node : left.node;
        if (streamed.parallelism() != PlanNode.DEFAULT_PARALLELISM) {
            node.setParallelism(streamed.parallelism());
        }
        return node;
    }

    /** The buffered input is broadcast and blocking (read whole before the other); the streamed one is forwarded. */
    private static PlanEdge edge(PlanNode source, boolean buffered, int inputIndex) {
        Partitioner<?> partitioner = buffered ? new BroadcastPartitioner<>() : new ForwardPartitioner<>();
        return new PlanEdge(source, partitioner, buffered ? ExchangeMode.BLOCKING : null, inputIndex);
    }

    /** The default pairing: {@code Tuple2.of(left, right)}. */
    private static final class PairUp<L, R> implements CrossFunction<L, R, Tuple2<L, R>> {
        @Override
        public Tuple2<L, R> cross(L first, R second) {
            return Tuple2.of(first, second);
        }
    }
}
