package dev.spindle.dataset;

import dev.spindle.api.functions.GroupReduceFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.operators.sort.FirstNGroupReducer;
import dev.spindle.runtime.operators.sort.FirstNOperator;
import dev.spindle.runtime.operators.sort.SortedGroupReduceOperator;
import dev.spindle.runtime.operators.sort.SortField;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.HashPartitioner;
import dev.spindle.runtime.shuffle.partitioner.RebalancePartitioner;
import java.util.List;

/**
 * Builds the plan steps of sort-based group reduce and first-n for {@link UnsortedGrouping},
 * {@link SortedGrouping} and {@link DataSet#first}. Every step that sorts declares a managed-memory
 * weight, so that it gets a share of its slot's managed memory.
 */
final class SortingPlans {

    private SortingPlans() {
    }

    /** Hash-partitions by {@code key}, sorts each partition by key (then {@code order}) and reduces each group. */
    static <T, R> DataSet<R> groupReduce(DataSet<T> input, String name, KeySelector<T, ?> key,
                                         List<SortField<T>> order, GroupReduceFunction<T, R> reducer,
                                         TypeSerializer<R> outSerializer) {
        TypeSerializer<T> inSerializer = input.serializer();
        List<SortField<T>> within = List.copyOf(order);
        DataSet<R> result = input.connect(name,
                () -> new SortedGroupReduceOperator<>(reducer, inSerializer, key, within), outSerializer,
                new HashPartitioner<>(key), PlanNode.DEFAULT_PARALLELISM);
        // Usually one record per group, keyed as the group (a hint: see PlanNode.groupedBy).
        result.node.setManagedMemoryWeight(1).setGroupedBy(key);
        return result;
    }

    /**
     * The first {@code n} records of each group in {@code order} (any {@code n} if it is empty):
     * first within each input partition before the shuffle, then once more per group.
     */
    static <T> DataSet<T> firstPerGroup(DataSet<T> input, KeySelector<T, ?> key, List<SortField<T>> order, int n) {
        FirstNGroupReducer<T> first = new FirstNGroupReducer<>(n);
        TypeSerializer<T> serializer = input.serializer();
        List<SortField<T>> within = List.copyOf(order);
        String name = "First(" + n + ")";
        DataSet<T> combined = input.forward(name + " (combine)",
                () -> new SortedGroupReduceOperator<>(first, serializer, key, within), serializer);
        combined.node.setManagedMemoryWeight(1);
        return groupReduce(combined, name, key, within, first, serializer);
    }

    /** {@code n} records of the whole data set: {@code n} per partition, then {@code n} of those on one subtask. */
    static <T> DataSet<T> first(DataSet<T> input, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("first(n) needs n >= 1, got " + n);
        }
        TypeSerializer<T> serializer = input.serializer();
        String name = "First(" + n + ")";
        DataSet<T> local = input.forward(name + " (local)", () -> new FirstNOperator<>(n), serializer);
        return local.connect(name, () -> new FirstNOperator<>(n), serializer, new RebalancePartitioner<>(), 1);
    }
}
