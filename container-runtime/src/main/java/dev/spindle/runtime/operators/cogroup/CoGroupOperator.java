package dev.spindle.runtime.operators.cogroup;

import dev.spindle.api.functions.CoGroupFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.operators.FunctionUtils;
import dev.spindle.runtime.operators.Operator;
import dev.spindle.runtime.operators.sort.CompositeSortKey;
import dev.spindle.runtime.operators.sort.GroupingKeyOrder;
import dev.spindle.runtime.operators.sort.OperatorSorters;
import dev.spindle.runtime.operators.sort.SortedGroups;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.ExternalSorter;
import dev.spindle.runtime.sort.RecordIterator;
import java.util.Collections;
import java.util.List;

/**
 * CoGroup by sort-merge: input 0 (left) and input 1 (right) each go into an {@link ExternalSorter}
 * ordered by its key, in any interleaving (no input selection, so both inputs stay pipelined). When
 * both inputs have ended, the two sorted streams are merged key by key: the function gets, for
 * every key of either side, the records of both sides with that key, an empty iterable for a side
 * that lacks it. The iterables stream from the sorted runs, so key groups larger than memory work.
 * Both sorters order keys with one shared {@link GroupingKeyOrder}, so left and right keys must be
 * of the same type.
 *
 * <p>Memory: the operator's share of managed memory, half for each sorter, taken in {@link #open()};
 * given back after the merge or, after a failure, in {@link #dispose()}. Task thread only.
 */
public final class CoGroupOperator<L, R, O> extends Operator<O> {

    private final CoGroupFunction<L, R, O> function;
    private final KeySelector<L, ?> leftKey;
    private final KeySelector<R, ?> rightKey;
    private final TypeSerializer<L> leftSerializer;
    private final TypeSerializer<R> rightSerializer;
    private transient GroupingKeyOrder keyOrder;
    private transient ExternalSorter<L, Object[]> leftSorter;
    private transient ExternalSorter<R, Object[]> rightSorter;
    private transient int endedInputs;

    public CoGroupOperator(CoGroupFunction<L, R, O> function, KeySelector<L, ?> leftKey, KeySelector<R, ?> rightKey,
                           TypeSerializer<L> leftSerializer, TypeSerializer<R> rightSerializer) {
        this.function = function;
        this.leftKey = leftKey;
        this.rightKey = rightKey;
        this.leftSerializer = leftSerializer;
        this.rightSerializer = rightSerializer;
    }

    @Override
    public void open() throws Exception {
        FunctionUtils.open(function, context);
        int pages = context.managedMemoryPages();
        OperatorSorters.checkPages(context, pages, 2 * ExternalSorter.MIN_PAGES);
        keyOrder = new GroupingKeyOrder();
        leftSorter = OperatorSorters.create(context, leftSerializer.duplicate(),
                CompositeSortKey.grouped(leftKey, keyOrder, List.of()), pages / 2);
        rightSorter = OperatorSorters.create(context, rightSerializer.duplicate(),
                CompositeSortKey.grouped(rightKey, keyOrder, List.of()), pages - pages / 2);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(int input, Object record) throws Exception {
        if (input == 0) {
            leftSorter.add((L) record);
        } else {
            rightSorter.add((R) record);
        }
    }

    @Override
    public void endInput(int input) throws Exception {
        if (++endedInputs == 2) {
            merge(leftSorter.finish(), rightSorter.finish());
            OperatorSorters.close(context, leftSorter);
            OperatorSorters.close(context, rightSorter);
        }
    }

    private void merge(RecordIterator<L> left, RecordIterator<R> right) throws Exception {
        SortedGroups<L> leftGroups = new SortedGroups<>(left, leftKey, keyOrder);
        SortedGroups<R> rightGroups = new SortedGroups<>(right, rightKey, keyOrder);
        boolean hasLeft = leftGroups.nextGroup();
        boolean hasRight = rightGroups.nextGroup();
        while (hasLeft || hasRight) {
            int c = !hasLeft ? 1 : !hasRight ? -1 : keyOrder.compare(leftGroups.key(), rightGroups.key());
            Iterable<L> first = c <= 0 ? leftGroups.values() : Collections.emptyList();
            Iterable<R> second = c >= 0 ? rightGroups.values() : Collections.emptyList();
            function.coGroup(first, second, output);
            if (c <= 0) {
                hasLeft = leftGroups.nextGroup();
            }
            if (c >= 0) {
                hasRight = rightGroups.nextGroup();
            }
        }
    }

    @Override
    public void close() throws Exception {
        FunctionUtils.close(function);
    }

    @Override
    public void dispose() {
        OperatorSorters.close(context, leftSorter);
        OperatorSorters.close(context, rightSorter);
    }
}
