package dev.spindle.dataset;

import dev.spindle.api.aggregation.Aggregations;
import dev.spindle.api.aggregation.FieldAggregation;
import dev.spindle.api.functions.GroupReduceFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.dataset.internal.SelectByFields;
import dev.spindle.dataset.internal.TupleFields;
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

    // ---- aggregations ----

    /**
     * Aggregates a tuple field per group, one result tuple per group; more fields with
     * {@link AggregateDataSet#and}. See {@link Aggregations} for the types and {@link AggregateDataSet}
     * for the fields left as they are.
     */
    public AggregateDataSet<T> aggregate(Aggregations aggregation, int field) {
        return new AggregateDataSet<>(input, keySelector, List.of(new FieldAggregation(aggregation, field)));
    }

    /** Sum of a tuple field per group. */
    public AggregateDataSet<T> sum(int field) {
        return aggregate(Aggregations.SUM, field);
    }

    public AggregateDataSet<T> min(int field) {
        return aggregate(Aggregations.MIN, field);
    }

    public AggregateDataSet<T> max(int field) {
        return aggregate(Aggregations.MAX, field);
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

    // ---- selection by fields ----

    /** Per group, the tuple with the smallest values in these fields, compared in this order (ties: any one). */
    public DataSet<T> minBy(int... fields) {
        TupleFields.check("minBy", input.serializer(), fields);
        SelectByFields<T> select = SelectByFields.min(fields);
        return input.hashReduce(select.describe(), keySelector, select);
    }

    /** Per group, the tuple with the largest values in these fields, compared in this order (ties: any one). */
    public DataSet<T> maxBy(int... fields) {
        TupleFields.check("maxBy", input.serializer(), fields);
        SelectByFields<T> select = SelectByFields.max(fields);
        return input.hashReduce(select.describe(), keySelector, select);
    }
}
