package dev.spindle.runtime.operators.cogroup;

import dev.spindle.api.functions.CoGroupFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.iteration.SolutionSetTable;
import dev.spindle.runtime.operators.UdfOperator;
import dev.spindle.runtime.operators.sort.CompositeSortKey;
import dev.spindle.runtime.operators.sort.GroupingKeyOrder;
import dev.spindle.runtime.operators.sort.OperatorSorters;
import dev.spindle.runtime.operators.sort.SortedGroups;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.ExternalSorter;
import java.util.List;

/**
 * The coGroup of a data set inside a delta iteration with the iteration's solution set: the input
 * is sorted by key in managed memory (spilling if needed); for every key it holds, the function gets
 * the input's records of that key and the solution set's record of that key (none or one), which
 * the head of this subtask keeps. The solution set is the left or the right side as the program
 * wrote it; keys only the solution set has are not visited. Task thread only.
 */
public final class SolutionSetCoGroupOperator<IN, S, OUT>
        extends UdfOperator<CoGroupFunction<Object, Object, OUT>, IN, OUT> {

    private final TypeSerializer<IN> serializer;
    private final KeySelector<IN, ?> key;
    private final boolean solutionSetIsLeft;
    private transient GroupingKeyOrder keyOrder;
    private transient ExternalSorter<IN, Object[]> sorter;
    private transient SolutionSetTable<S> solutionSet;

    public SolutionSetCoGroupOperator(CoGroupFunction<Object, Object, OUT> function, TypeSerializer<IN> serializer,
                                      KeySelector<IN, ?> key, boolean solutionSetIsLeft) {
        super(function);
        this.serializer = serializer;
        this.key = key;
        this.solutionSetIsLeft = solutionSetIsLeft;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        solutionSet = (SolutionSetTable<S>) context.requireIteration().solutionSet();
        keyOrder = new GroupingKeyOrder();
        sorter = OperatorSorters.create(context, serializer.duplicate(),
                CompositeSortKey.grouped(key, keyOrder, List.of()), context.managedMemoryPages());
    }

    @Override
    public void process(IN record) throws Exception {
        sorter.add(record);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void endInput(int input) throws Exception {
        SortedGroups<IN> groups = new SortedGroups<>(sorter.finish(), key, keyOrder);
        while (groups.nextGroup()) {
            Object k = groups.key();
            S match = k == null ? null : solutionSet.get(k);
            List<Object> matches = match == null ? List.of() : List.of(match);
            Iterable<Object> records = (Iterable<Object>) groups.values();
            if (solutionSetIsLeft) {
                function.coGroup(matches, records, output);
            } else {
                function.coGroup(records, matches, output);
            }
        }
        OperatorSorters.close(context, sorter);
    }

    @Override
    public void dispose() {
        OperatorSorters.close(context, sorter);
    }
}
