package dev.spindle.dataset;

import dev.spindle.api.aggregation.Aggregations;
import dev.spindle.api.aggregation.FieldAggregation;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.dataset.internal.TupleFieldKeySelector;
import dev.spindle.dataset.internal.TupleFields;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.operators.batch.TupleAggregateOperator;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.HashPartitioner;
import dev.spindle.runtime.shuffle.partitioner.RebalancePartitioner;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tuples aggregated field by field, per group ({@code grouping.aggregate(SUM, 1)}) or over the
 * whole data set into one record ({@code dataSet.aggregate(SUM, 1)}, none for an empty data set).
 * {@link #and} aggregates further fields in the same pass. Each subtask first combines its records
 * in a hash table (bounded by {@code execution.combiner.max-entries}) before the shuffle; grouped
 * results are then aggregated per key within managed memory, spilling to disk when the keys do not
 * fit. Fields that are neither aggregated nor part of the key hold the values of some record of the
 * group (which one is not defined).
 */
public final class AggregateDataSet<T> extends DataSet<T> {

    private final DataSet<T> input;
    private final KeySelector<T, ?> keySelector;
    private final List<FieldAggregation> fields;

    /** @param keySelector the grouping key, or null to aggregate the whole data set */
    AggregateDataSet(DataSet<T> input, KeySelector<T, ?> keySelector, List<FieldAggregation> fields) {
        super(input.env, plan(input, keySelector, fields));
        this.input = input;
        this.keySelector = keySelector;
        this.fields = List.copyOf(fields);
    }

    /** Also aggregates {@code field} with {@code aggregation}, in the same pass as the fields before. */
    public AggregateDataSet<T> and(Aggregations aggregation, int field) {
        List<FieldAggregation> more = new ArrayList<>(fields);
        more.add(new FieldAggregation(aggregation, field));
        return new AggregateDataSet<>(input, keySelector, more);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> PlanNode plan(DataSet<T> input, KeySelector<T, ?> keySelector, List<FieldAggregation> fields) {
        check(input.serializer(), keySelector, fields);
        String name = "Aggregate(" + fields.stream().map(FieldAggregation::toString)
                .collect(Collectors.joining(", ")) + ")";
        int combinerEntries = input.env.getConfiguration().get(CoreOptions.COMBINER_MAX_ENTRIES);
        TypeSerializer serializer = input.serializer();
        KeySelector key = keySelector;
        int keyField = keySelector instanceof TupleFieldKeySelector<?> byFields && byFields.fields().length == 1
                ? byFields.fields()[0] : -1;
        if (keySelector == null) {
            // One group: the combiner holds a single key and needs no memory of its own.
            DataSet<T> combined = input.forward(name + " (combine)",
                    () -> new TupleAggregateOperator(null, fields, null, combinerEntries), serializer);
            return combined.connect(name, () -> new TupleAggregateOperator(null, fields, null, 0), serializer,
                    new RebalancePartitioner<>(), 1).node;
        }
        DataSet<T> combined = input.forward(name + " (combine)",
                () -> new TupleAggregateOperator(key, keyField, fields, serializer, combinerEntries), serializer);
        combined.node.setManagedMemoryWeight(1);
        PlanNode aggregated = combined.connect(name,
                        () -> new TupleAggregateOperator(key, keyField, fields, serializer, 0),
                        serializer, new HashPartitioner<>(keySelector), PlanNode.DEFAULT_PARALLELISM)
                .node.setManagedMemoryWeight(1).setGroupedBy(keySelector);
        // Key fields are never aggregated (see check), so every result keeps its partition's key.
        return keySelector instanceof TupleFieldKeySelector<?> ? aggregated.setPartitionedBy(keySelector) : aggregated;
    }

    private static void check(TypeSerializer<?> serializer, KeySelector<?, ?> keySelector,
                              List<FieldAggregation> fields) {
        int[] positions = fields.stream().mapToInt(FieldAggregation::field).toArray();
        TupleFields.check("aggregate", serializer, positions);
        List<Integer> seen = new ArrayList<>();
        for (int field : positions) {
            if (seen.contains(field)) {
                throw new IllegalArgumentException("aggregate: field " + field + " is aggregated twice");
            }
            seen.add(field);
        }
        if (keySelector instanceof TupleFieldKeySelector<?> byFields) {
            for (int keyField : byFields.fields()) {
                if (seen.contains(keyField)) {
                    throw new IllegalArgumentException("aggregate: field " + keyField + " is a grouping key");
                }
            }
        }
    }
}
