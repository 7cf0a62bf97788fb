package dev.spindle.dataset;

import dev.spindle.api.functions.GroupReduceFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.operators.batch.TupleAggregateOperator;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.shuffle.partitioner.HashPartitioner;
import dev.spindle.runtime.sort.Order;
import dev.spindle.runtime.types.TypeExtractor;
import java.lang.reflect.Type;
import java.util.List;

/** A data set grouped by a key: records with equal keys meet in the same subtask. */
public final class UnsortedGrouping<T> {

    private final DataSet<T> input;
    private final KeySelector<T, ?> keySelector;

    UnsortedGrouping(DataSet<T> input, KeySelector<T, ?> keySelector) {
        this.input = input;
        this.keySelector = keySelector;
    }

    /** Combines the records of each group pairwise; applied before the shuffle too, so it must be associative. */
    public DataSet<T> reduce(ReduceFunction<T> reducer) {
        return input.hashReduce("Reduce", keySelector, reducer);
    }

    /**
     * Hands all records of each group to the function, as an iterable that can be gone through once.
     * Groups are formed by sorting in managed memory with spilling, so they may be larger than memory.
     */
    public <R> DataSet<R> reduceGroup(GroupReduceFunction<T, R> reducer) {
        Type type = TypeExtractor.typeArgument(reducer, GroupReduceFunction.class, 1, false);
        return SortingPlans.groupReduce(input, "GroupReduce", keySelector, List.of(), reducer,
                Serializers.forType(type));
    }

    /** Sum of a tuple field per group. */
    public DataSet<T> sum(int field) {
        return aggregate(field, TupleAggregateOperator.Kind.SUM, "Sum");
    }

    public DataSet<T> min(int field) {
        return aggregate(field, TupleAggregateOperator.Kind.MIN, "Min");
    }

    public DataSet<T> max(int field) {
        return aggregate(field, TupleAggregateOperator.Kind.MAX, "Max");
    }

    // ---- sorted groups and first-n ----

    /** Orders the records of each group by a tuple field (0-based position); more keys can follow. */
    public SortedGrouping<T> sortGroup(int field, Order order) {
        return new SortedGrouping<>(input, keySelector, List.of()).sortGroup(field, order);
    }

    /** Orders the records of each group by {@code key}; more keys can follow. */
    public <K> SortedGrouping<T> sortGroup(KeySelector<T, K> key, Order order) {
        return new SortedGrouping<>(input, keySelector, List.of()).sortGroup(key, order);
    }

    /** Some {@code n} records of each group (all of a smaller group). */
    public DataSet<T> first(int n) {
        return SortingPlans.firstPerGroup(input, keySelector, List.of(), n);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private DataSet<T> aggregate(int field, TupleAggregateOperator.Kind kind, String name) {
        KeySelector key = keySelector;
        int combinerEntries = input.env.getConfiguration().get(CoreOptions.COMBINER_MAX_ENTRIES);
        String label = name + "(" + field + ")";
        DataSet<T> combined = input.forward(label + " (combine)",
                () -> new TupleAggregateOperator(key, field, kind, combinerEntries), input.serializer());
        return combined.connect(label, () -> new TupleAggregateOperator(key, field, kind, 0), input.serializer(),
                new HashPartitioner<>(keySelector), PlanNode.DEFAULT_PARALLELISM);
    }
}
