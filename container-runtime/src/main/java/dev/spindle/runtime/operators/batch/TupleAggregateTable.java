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
 *
 * <p>Without carriers: when the key is one field holding a Long or Integer and every other field is
 * a sum, minimum or maximum of primitive numbers (a {@code groupBy(0).sum(1)} of
 * {@code Tuple2<Long, Double>}, a {@code groupBy(0).min(1)} of {@code Tuple2<Long, Long>}), a group is
 * entirely in its slot: the key inline, the aggregates in accumulators (a long, or a double's bits).
 * The table then keeps no tuples and builds each result when it is emitted, which saves the
 * references, the garbage collector's work on them and a cache miss per group. The first record that
 * does not fit that shape (another key or value type, a null) ends it: every group gets a carrier
 * rebuilt from its slot, and the table goes on with carriers.
 */
final class TupleAggregateTable<T extends Tuple, K> implements HashAggregateTable<T> {

    private final KeySelector<T, K> keySelector;
    private final FieldAggregator[] aggregators;
    private final AggregationTable table;
    // What the last update found missing, for the insert that follows it.
    private T pendingRecord;
    private K pendingKey;
    private int pendingSlot;
    /** The key's field if groups may live without carriers, else -1 (also once that has ended). */
    private int carrierFreeKeyField;
    /** Without carriers: a tuple of the records' class, to create results, and each aggregate's value class. */
    private Tuple prototype;
    private Class<?>[] valueTypes;

    /**
     * @param keyField the tuple field that {@code keySelector} returns, or -1 if it is something else
     *                 (then every group keeps a carrier)
     */
    TupleAggregateTable(KeySelector<T, K> keySelector, int keyField, List<FieldAggregation> fields) {
        this.keySelector = keySelector;
        this.aggregators = new FieldAggregator[fields.size()];
        for (int i = 0; i < aggregators.length; i++) {
            aggregators[i] = FieldAggregator.of(fields.get(i), i);
        }
        // A key that is one field may well be a Long (an id): start with the compact layout.
        this.table = new AggregationTable(1024, aggregators.length, keyField >= 0);
        this.carrierFreeKeyField = keyField;
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
        if (carrierFreeKeyField >= 0 && updateInSlot(slot, record)) {
            return true;
        }
        for (FieldAggregator aggregator : aggregators) {
            aggregator.update(table, slot, record.getField(aggregator.field));
        }
        return true;
    }

    @Override
    public void shrink() {
        table.shrink();
    }

    @Override
    public boolean adoptArray(long[] slots) {
        return table.adopt(slots);
    }

    @Override
    public long[] detachArray() {
        return table.detach();
    }

    @Override
    public long touch(T record) throws Exception {
        return table.touch(keySelector.getKey(record));
    }

    /**
     * Folds a record into a group without carrier; false, having given every group a carrier, if a
     * value has another type than the group's (then the carrier path takes the record).
     */
    private boolean updateInSlot(int slot, T record) {
        for (int i = 0; i < aggregators.length; i++) {
            Object value = record.getField(aggregators[i].field);
            if (value == null || value.getClass() != valueTypes[i]) {
                addCarriers();
                return false;
            }
        }
        for (FieldAggregator aggregator : aggregators) {
            aggregator.updateInSlot(table, slot, record.getField(aggregator.field));
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
        if (carrierFreeKeyField >= 0 && !fitsWithoutCarrier(record)) {
            addCarriers();
            free = table.find(key);
        }
        if (carrierFreeKeyField >= 0) {
            int slot = table.insert(-free - 1, null, null);
            for (FieldAggregator aggregator : aggregators) {
                aggregator.startInSlot(table, slot, record.getField(aggregator.field));
            }
            return;
        }
        int slot = table.insert(-free - 1, key, record);
        for (FieldAggregator aggregator : aggregators) {
            aggregator.start(table, slot, record);
        }
    }

    /**
     * Whether the group {@code record} starts can do without a carrier: its key is inline, it has no
     * fields besides the key and the aggregates, and its class and value types are those of the first
     * group.
     * Called after {@link AggregationTable#find} for its key.
     */
    private boolean fitsWithoutCarrier(T record) {
        if (!table.lastKeyInline()) {
            return false;
        }
        if (prototype == null) {
            Tuple prototype = record.newInstance();
            if (prototype.getClass() != record.getClass() || record.getArity() != aggregators.length + 1) {
                return false;
            }
            Class<?>[] types = new Class<?>[aggregators.length];
            for (int i = 0; i < aggregators.length; i++) {
                Object value = record.getField(aggregators[i].field);
                if (!isPrimitiveNumber(value)) {
                    return false;
                }
                types[i] = value.getClass();
            }
            this.prototype = prototype;
            this.valueTypes = types;
            return true;
        }
        if (record.getClass() != prototype.getClass()) {
            return false;
        }
        for (int i = 0; i < aggregators.length; i++) {
            Object value = record.getField(aggregators[i].field);
            if (value == null || value.getClass() != valueTypes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrimitiveNumber(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Double
                || value instanceof Float || value instanceof Short || value instanceof Byte;
    }

    /** Ends life without carriers: gives every group a carrier built from its slot. */
    private void addCarriers() {
        if (prototype != null) {
            table.forEach(slot -> table.attach(slot, table.inlineKey(slot), groupTuple(slot)));
        }
        carrierFreeKeyField = -1;
    }

    /** A new tuple of a carrier-free group: its key and its aggregates. */
    @SuppressWarnings("unchecked")
    private T groupTuple(int slot) {
        T tuple = (T) prototype.newInstance();
        tuple.setField(carrierFreeKeyField, table.inlineKey(slot));
        for (int i = 0; i < aggregators.length; i++) {
            FieldAggregator aggregator = aggregators[i];
            tuple.setField(aggregator.field, valueOf(valueTypes[i], slot, aggregator.accumulator));
        }
        return tuple;
    }

    /** The accumulator as a value of {@code type}. */
    private Object valueOf(Class<?> type, int slot, int accumulator) {
        if (type == Double.class) {
            return table.getDouble(slot, accumulator);
        }
        if (type == Float.class) {
            return (float) table.getDouble(slot, accumulator);
        }
        long sum = table.getLong(slot, accumulator);
        if (type == Long.class) {
            return sum;
        }
        if (type == Integer.class) {
            return (int) sum;
        }
        return type == Short.class ? (Object) (short) sum : (Object) (byte) sum;
    }

    @Override
    public int size() {
        return table.size();
    }

    @Override
    public boolean keepsRecords() {
        return carrierFreeKeyField < 0;
    }

    @Override
    public long arrayBytesAfterInsert() {
        return table.bytesAfterInsert();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void drain(Collector<T> out) {
        pendingRecord = null;
        pendingKey = null;
        if (carrierFreeKeyField >= 0) {
            table.drain(slot -> out.collect(groupTuple(slot)));
            return;
        }
        table.drain(slot -> {
            T carrier = (T) table.record(slot);
            for (FieldAggregator aggregator : aggregators) {
                aggregator.finish(table, slot, carrier);
            }
            out.collect(carrier);
        });
    }
}
