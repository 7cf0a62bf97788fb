package dev.spindle.dataset;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.dataset.internal.TupleFieldKeySelector;
import dev.spindle.runtime.operators.sort.SortField;
import dev.spindle.runtime.operators.sort.SortPartitionOperator;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.Order;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@link DataSet#sortPartition}: every parallel partition sorted on its own, in
 * managed memory with spilling to disk. Another {@code sortPartition} call on it adds a secondary
 * key to the same sort (and returns this same data set) rather than sorting again. For one total
 * order over all records, run the sort at parallelism 1:
 * {@code data.sortPartition(0, Order.ASCENDING).setParallelism(1)}.
 */
public final class SortedPartitionDataSet<T> extends DataSet<T> {

    /** The sort keys, earlier first; the plan node's operator factory reads them when the job is built. */
    private final List<SortField<T>> fields;

    private SortedPartitionDataSet(DataSet<T> sorted, List<SortField<T>> fields) {
        super(sorted.env, sorted.node);
        this.fields = fields;
    }

    static <T> SortedPartitionDataSet<T> create(DataSet<T> input, SortField<T> first) {
        List<SortField<T>> fields = new ArrayList<>(List.of(first));
        TypeSerializer<T> serializer = input.serializer();
        DataSet<T> sorted = input.forward("SortPartition", () -> new SortPartitionOperator<>(serializer, fields),
                serializer);
        sorted.node.setManagedMemoryWeight(1);
        return new SortedPartitionDataSet<>(sorted, fields);
    }

    /** Adds a tuple field (0-based position) as the next key of this sort. */
    @Override
    public SortedPartitionDataSet<T> sortPartition(int field, Order order) {
        return sortPartition(new TupleFieldKeySelector<T>(field), order);
    }

    /** Adds {@code key} as the next key of this sort. */
    @Override
    public <K> SortedPartitionDataSet<T> sortPartition(KeySelector<T, K> key, Order order) {
        fields.add(new SortField<>(key, order));
        return this;
    }
}
