package dev.spindle.runtime.operators.batch;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple;
import dev.spindle.runtime.operators.OneInputOperator;

/**
 * Sum, min or max of one tuple field per key, in an {@link AggregationTable}. The first tuple of
 * each group carries the other fields; sums run in a primitive {@code long} or {@code double} per
 * key and are written into that tuple only when it is emitted, so the hot path neither boxes nor
 * writes references into old objects. As a combiner ({@code maxEntries > 0}) it emits partial
 * results whenever the table holds that many keys.
 */
public final class TupleAggregateOperator<T extends Tuple, K> extends OneInputOperator<T, T> {

    /** The aggregation. */
    public enum Kind { SUM, MIN, MAX }

    private final KeySelector<T, K> keySelector;
    private final int field;
    private final Kind kind;
    private final int maxEntries;
    private transient AggregationTable table;

    public TupleAggregateOperator(KeySelector<T, K> keySelector, int field, Kind kind, int maxEntries) {
        this.keySelector = keySelector;
        this.field = field;
        this.kind = kind;
        this.maxEntries = maxEntries;
    }

    @Override
    public void open() {
        table = new AggregationTable(1024);
    }

    @Override
    public void process(T record) throws Exception {
        K key = keySelector.getKey(record);
        int slot = table.find(key);
        Object value = record.getField(field);
        if (slot >= 0) {
            update(slot, value);
            return;
        }
        if (maxEntries > 0 && table.size() >= maxEntries) {
            emitAll();
            slot = table.find(key);
        }
        slot = table.insert(-slot - 1, key, record);
        init(slot, value);
    }

    private void init(int slot, Object value) {
        if (kind != Kind.SUM) {
            return;
        }
        if (isIntegral(value)) {
            table.addLong(slot, ((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            table.addDouble(slot, ((Number) value).doubleValue());
        } else {
            throw new IllegalArgumentException("Cannot sum field " + field + " of type "
                    + (value == null ? "null" : value.getClass().getName()));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void update(int slot, Object value) {
        if (kind == Kind.SUM) {
            if (value instanceof Integer i) {
                table.addLong(slot, i);
            } else if (value instanceof Long l) {
                table.addLong(slot, l);
            } else if (isIntegral(value)) {
                table.addLong(slot, ((Number) value).longValue());
            } else {
                table.addDouble(slot, ((Number) value).doubleValue());
            }
            return;
        }
        Tuple first = (Tuple) table.record(slot);
        int c = ((Comparable) value).compareTo(first.getField(field));
        if (kind == Kind.MIN ? c < 0 : c > 0) {
            first.setField(field, value);
        }
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }

    @Override
    public void endInput(int input) {
        emitAll();
    }

    @SuppressWarnings("unchecked")
    private void emitAll() {
        table.drain(slot -> {
            T tuple = (T) table.record(slot);
            if (kind == Kind.SUM) {
                tuple.setField(field, sumResult(tuple.getField(field), table.getLong(slot), table.getDouble(slot)));
            }
            output.collect(tuple);
        });
    }

    private static Object sumResult(Object original, long longSum, double doubleSum) {
        if (original instanceof Integer) {
            return (int) longSum;
        }
        if (original instanceof Long) {
            return longSum;
        }
        if (original instanceof Short) {
            return (short) longSum;
        }
        if (original instanceof Byte) {
            return (byte) longSum;
        }
        if (original instanceof Float) {
            return (float) doubleSum;
        }
        return doubleSum;
    }
}
