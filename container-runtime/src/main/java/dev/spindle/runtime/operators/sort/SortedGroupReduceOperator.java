package dev.spindle.runtime.operators.sort;

import dev.spindle.api.functions.GroupReduceFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.operators.UdfOperator;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.ExternalSorter;
import java.util.List;

/**
 * Group reduce by sorting: every record goes into an {@link ExternalSorter} in the operator's share
 * of managed memory (spilling sorted runs to disk when it is full), ordered by the grouping key and,
 * within each group, by the requested {@link SortField}s (none for an unsorted grouping). When the
 * input ends, the function gets each group as an iterable that streams from the sorted runs, so no
 * group is ever held in a Java collection, however large it is.
 *
 * <p>Lifecycle: the sorter takes its memory in {@link #open()}, is drained and closed in
 * {@link #endInput}; {@link #dispose()} closes it after failures too (memory back, spill files
 * deleted). Everything runs on the task thread.
 */
public final class SortedGroupReduceOperator<IN, OUT> extends UdfOperator<GroupReduceFunction<IN, OUT>, IN, OUT> {

    private final TypeSerializer<IN> serializer;
    private final KeySelector<IN, ?> groupKey;
    private final List<SortField<IN>> groupOrder;
    private transient GroupingKeyOrder keyOrder;
    private transient ExternalSorter<IN, Object[]> sorter;

    /**
     * @param serializer the input records' serializer
     * @param groupKey the grouping key
     * @param groupOrder the order of records within each group, earlier fields first (may be empty)
     */
    public SortedGroupReduceOperator(GroupReduceFunction<IN, OUT> function, TypeSerializer<IN> serializer,
                                     KeySelector<IN, ?> groupKey, List<SortField<IN>> groupOrder) {
        super(function);
        this.serializer = serializer;
        this.groupKey = groupKey;
        this.groupOrder = List.copyOf(groupOrder);
    }

    @Override
    public void open() throws Exception {
        super.open();
        keyOrder = new GroupingKeyOrder();
        sorter = OperatorSorters.create(context, serializer.duplicate(),
                CompositeSortKey.grouped(groupKey, keyOrder, groupOrder), context.managedMemoryPages());
    }

    @Override
    public void process(IN record) throws Exception {
        sorter.add(record);
    }

    @Override
    public void endInput(int input) throws Exception {
        SortedGroups<IN> groups = new SortedGroups<>(sorter.finish(), groupKey, keyOrder);
        while (groups.nextGroup()) {
            function.reduce(groups.values(), output);
        }
        OperatorSorters.close(context, sorter);
    }

    @Override
    public void dispose() {
        OperatorSorters.close(context, sorter);
    }
}
