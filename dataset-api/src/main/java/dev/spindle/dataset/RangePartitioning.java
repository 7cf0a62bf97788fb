package dev.spindle.dataset;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.operators.base.MapOperator;
import dev.spindle.runtime.operators.range.RangeAssignOperator;
import dev.spindle.runtime.operators.range.RangeBoundaryOperator;
import dev.spindle.runtime.operators.range.RangeSampleOperator;
import dev.spindle.runtime.operators.range.RankPartitioner;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.serialization.BasicSerializers;
import dev.spindle.runtime.serialization.DynamicSerializer;
import dev.spindle.runtime.serialization.TupleSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.RebalancePartitioner;

/**
 * Builds the steps of {@code partitionByRange}: every input subtask samples its keys; one subtask
 * merges the samples into range boundaries; the boundaries reach every subtask of an assigning step
 * as a broadcast set, and it tags each record with the rank of its key; the shuffle routes records
 * by rank; a last step drops the rank. The input is read twice (for the sample and for the
 * records), so the compiler writes it out (blocking) before the assigning step reads it. The
 * number of partitions is the parallelism of the returned data set, chosen at run time.
 */
final class RangePartitioning {

    static final String BOUNDARIES = "range-boundaries";

    private RangePartitioning() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T, K> DataSet<T> partition(DataSet<T> input, KeySelector<T, K> keySelector) {
        TypeSerializer<Tuple2<Double, Object>> sampleSerializer = new TupleSerializer(Tuple2.class,
                new TypeSerializer<?>[] {BasicSerializers.DoubleSerializer.INSTANCE, new DynamicSerializer()});
        TypeSerializer<Tuple2<Object, Double>> boundarySerializer = new TupleSerializer(Tuple2.class,
                new TypeSerializer<?>[] {new DynamicSerializer(), BasicSerializers.DoubleSerializer.INSTANCE});
        TypeSerializer<Tuple2<Integer, T>> rankedSerializer = new TupleSerializer(Tuple2.class,
                new TypeSerializer<?>[] {BasicSerializers.IntSerializer.INSTANCE, input.serializer()});

        DataSet<Tuple2<Double, Object>> samples = input.forward("PartitionByRange (sample)",
                () -> new RangeSampleOperator<>(keySelector), sampleSerializer);
        DataSet<Tuple2<Object, Double>> boundaries = samples.connect("PartitionByRange (boundaries)",
                RangeBoundaryOperator::new, boundarySerializer, new RebalancePartitioner<>(), 1);
        DataSet<Tuple2<Integer, T>> ranked = input.forward("PartitionByRange (assign)",
                () -> new RangeAssignOperator<>(keySelector, BOUNDARIES), rankedSerializer)
                .withBroadcastSet(boundaries, BOUNDARIES);
        return ranked.connect("PartitionByRange", () -> new MapOperator<>(new DropRank<T>()), input.serializer(),
                new RankPartitioner<>(), PlanNode.DEFAULT_PARALLELISM);
    }

    /** {@code (rank, record) -> record}. */
    private static final class DropRank<T> implements MapFunction<Tuple2<Integer, T>, T> {
        @Override
        public T map(Tuple2<Integer, T> ranked) {
            return ranked.f1;
        }
    }
}
