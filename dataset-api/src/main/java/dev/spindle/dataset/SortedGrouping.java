package dev.spindle.dataset;

import dev.spindle.api.functions.GroupReduceFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.dataset.internal.TupleFieldKeySelector;
import dev.spindle.runtime.operators.sort.SortField;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.sort.Order;
import dev.spindle.runtime.types.TypeExtractor;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A grouping whose groups are handed over in a requested order: made by
 * {@link UnsortedGrouping#sortGroup}, refined by further {@link #sortGroup} calls (each adds a key
 * that orders records the earlier keys leave tied). Sorting happens within managed memory and spills
 * to disk, so groups may be larger than memory. Sort keys compare in their natural order
 * ({@code null} first). Immutable: every call returns a new grouping.
 */
public final class SortedGrouping<T> {

    private final DataSet<T> input;
    private final KeySelector<T, ?> groupKey;
    private final List<SortField<T>> order;

    SortedGrouping(DataSet<T> input, KeySelector<T, ?> groupKey, List<SortField<T>> order) {
        this.input = input;
        this.groupKey = groupKey;
        this.order = List.copyOf(order);
    }

    /** Orders records tied on the earlier keys by a tuple field (0-based position). */
    public SortedGrouping<T> sortGroup(int field, Order direction) {
        return sortGroup(new TupleFieldKeySelector<T>(field), direction);
    }

    /** Orders records tied on the earlier keys by {@code key}. */
    public <K> SortedGrouping<T> sortGroup(KeySelector<T, K> key, Order direction) {
        List<SortField<T>> refined = new ArrayList<>(order);
        refined.add(new SortField<>(key, direction));
        return new SortedGrouping<>(input, groupKey, refined);
    }

    /** Hands all records of each group to the function, in the requested order. */
    public <R> DataSet<R> reduceGroup(GroupReduceFunction<T, R> reducer) {
        Type type = TypeExtractor.typeArgument(reducer, GroupReduceFunction.class, 1, false);
        return SortingPlans.groupReduce(input, "SortedGroupReduce", groupKey, order, reducer,
                Serializers.forType(type));
    }

    /** The first {@code n} records of each group in the requested order. */
    public DataSet<T> first(int n) {
        return SortingPlans.firstPerGroup(input, groupKey, order, n);
    }
}
