package dev.spindle.runtime.operators.batch;

import dev.spindle.api.aggregation.FieldAggregation;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple;
import dev.spindle.runtime.hash.HashAggregateTable;
import java.util.List;

/**
 * Aggregates several fields of tuples per key in one pass, in an {@link AggregationTable}: the first
 * tuple of each group is its carrier and keeps the key and every other field; each aggregated field
 * has a {@link FieldAggregator}. Partial results (as a combiner emits them) are tuples of the same
 * shape, so they aggregate like records. Single-threaded.
 */
final class TupleAggregateTable<T extends Tuple, K> implements HashAggregateTable<T> {

    private final KeySelector<T, K> keySelector;
    private final FieldAggregator[] aggregators;
    private final AggregationTable table;
    // What the last update found missing, for the insert that follows it.
    private T pendingRecord;
    private K pendingKey;
    private int pendingSlot;

    TupleAggregateTable(KeySelector<T, K> keySelector, List<FieldAggregation> fields) {
        this.keySelector = keySelector;
        this.aggregators = new FieldAggregator[fields.size()];
        for (int i = 0; i < aggregators.length; i++) {
            aggregators[i] = FieldAggregator.of(fields.get(i), i);
        }
        this.table = new AggregationTable(1024, aggregators.length);
    }

    @Override
    public boolean update(T record) throws Exception {
        K key = keySelector.getKey(record);
        int slot = table.find(key);
        if (slot < 0) {
            pendingRecord = record;
            pendingKey = key;
            pendingSlot = slot;
            return false;
        }
        for (FieldAggregator aggregator : aggregators) {
            aggregator.update(table, slot, record.getField(aggregator.field));
        }
        return true;
    }

    @Override
    public void insert(T record) throws Exception {
        int free;
        K key;
        if (record == pendingRecord) {
            key = pendingKey;
            free = pendingSlot;
        } else {
            key = keySelector.getKey(record);
            free = table.find(key);
        }
        pendingRecord = null;
        pendingKey = null;
        int slot = table.insert(-free - 1, key, record);
        for (FieldAggregator aggregator : aggregators) {
            aggregator.start(table, slot, record);
        }
    }

    @Override
    public int size() {
        return table.size();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void drain(Collector<T> out) {
        pendingRecord = null;
        pendingKey = null;
        table.drain(slot -> {
            T carrier = (T) table.record(slot);
            for (FieldAggregator aggregator : aggregators) {
                aggregator.finish(table, slot, carrier);
            }
            out.collect(carrier);
        });
    }
}
