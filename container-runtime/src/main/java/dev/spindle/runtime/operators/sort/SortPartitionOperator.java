package dev.spindle.runtime.operators.sort;

import dev.spindle.runtime.operators.OneInputOperator;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.ExternalSorter;
import dev.spindle.runtime.sort.RecordIterator;
import java.util.List;

/**
 * Sorts the records of its partition by {@link SortField}s and emits them in that order when the
 * input ends. The records go through an {@link ExternalSorter} in the operator's share of managed
 * memory, spilling sorted runs to disk when it is full. A subtask sees only its own partition; at
 * parallelism 1 the output is a total order.
 *
 * <p>Lifecycle as {@link SortedGroupReduceOperator}: memory taken in {@link #open()}, given back in
 * {@link #endInput} or, after a failure, in {@link #dispose()}. Task thread only.
 */
public final class SortPartitionOperator<T> extends OneInputOperator<T, T> {

    private final TypeSerializer<T> serializer;
    private final List<SortField<T>> fields;
    private transient ExternalSorter<T, Object[]> sorter;

    public SortPartitionOperator(TypeSerializer<T> serializer, List<SortField<T>> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("Sorting a partition needs at least one key");
        }
        this.serializer = serializer;
        this.fields = List.copyOf(fields);
    }

    @Override
    public void open() throws Exception {
        sorter = OperatorSorters.create(context, serializer.duplicate(), CompositeSortKey.of(fields),
                context.managedMemoryPages());
    }

    @Override
    public void process(T record) throws Exception {
        sorter.add(record);
    }

    @Override
    public void endInput(int input) throws Exception {
        RecordIterator<T> sorted = sorter.finish();
        for (T record = sorted.next(); record != null; record = sorted.next()) {
            output.collect(record);
        }
        OperatorSorters.close(context, sorter);
    }

    @Override
    public void dispose() {
        OperatorSorters.close(context, sorter);
    }
}
