package dev.spindle.runtime.operators.batch;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple;
import dev.spindle.runtime.operators.OneInputOperator;
import java.util.HashMap;

/**
 * Sum, min or max of one tuple field per key, in a hash table. Sums run in a primitive
 * {@code long} or {@code double} per key and are written back into the group's first tuple only
 * when it is emitted, so the hot path neither boxes nor writes references into old objects. As a
 * combiner ({@code maxEntries > 0}) it emits partial results when the table is full.
 */
public final class TupleAggregateOperator<T extends Tuple, K> extends OneInputOperator<T, T> {

    /** The aggregation. */
    public enum Kind { SUM, MIN, MAX }

    private final KeySelector<T, K> keySelector;
    private final int field;
    private final Kind kind;
    private final int maxEntries;
    private transient HashMap<K, Slot<T>> table;

    /** One group: its first tuple and the running aggregate. */
    private static final class Slot<T> {
        final T tuple;
        long longValue;
        double doubleValue;
        Object objectValue;

        Slot(T tuple) {
            this.tuple = tuple;
        }
    }

    public TupleAggregateOperator(KeySelector<T, K> keySelector, int field, Kind kind, int maxEntries) {
        this.keySelector = keySelector;
        this.field = field;
        this.kind = kind;
        this.maxEntries = maxEntries;
    }

    @Override
    public void open() {
        table = new HashMap<>(1024);
    }

    @Override
    public void process(T record) throws Exception {
        K key = keySelector.getKey(record);
        Slot<T> slot = table.get(key);
        Object value = record.getField(field);
        if (slot == null) {
            if (maxEntries > 0 && table.size() >= maxEntries) {
                emitAll();
            }
            slot = new Slot<>(record);
            init(slot, value);
            table.put(key, slot);
        } else {
            update(slot, value);
        }
    }

    private void init(Slot<T> slot, Object value) {
        if (kind == Kind.SUM && isIntegral(value)) {
            slot.longValue = ((Number) value).longValue();
        } else if (kind == Kind.SUM && (value instanceof Double || value instanceof Float)) {
            slot.doubleValue = ((Number) value).doubleValue();
        } else if (kind == Kind.SUM) {
            throw new IllegalArgumentException("Cannot sum field " + field + " of type "
                    + (value == null ? "null" : value.getClass().getName()));
        } else {
            slot.objectValue = value;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void update(Slot<T> slot, Object value) {
        switch (kind) {
            case SUM -> {
                if (value instanceof Integer i) {
                    slot.longValue += i;
                } else if (value instanceof Long l) {
                    slot.longValue += l;
                } else if (value instanceof Number n && isIntegral(n)) {
                    slot.longValue += n.longValue();
                } else {
                    slot.doubleValue += ((Number) value).doubleValue();
                }
            }
            case MIN -> {
                if (((Comparable) value).compareTo(slot.objectValue) < 0) {
                    slot.objectValue = value;
                }
            }
            case MAX -> {
                if (((Comparable) value).compareTo(slot.objectValue) > 0) {
                    slot.objectValue = value;
                }
            }
        }
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }

    @Override
    public void endInput(int input) {
        emitAll();
    }

    private void emitAll() {
        for (Slot<T> slot : table.values()) {
            T tuple = slot.tuple;
            tuple.setField(field, result(slot, tuple.getField(field)));
            output.collect(tuple);
        }
        table.clear();
    }

    private Object result(Slot<T> slot, Object original) {
        if (kind != Kind.SUM) {
            return slot.objectValue;
        }
        if (original instanceof Integer) {
            return (int) slot.longValue;
        }
        if (original instanceof Long) {
            return slot.longValue;
        }
        if (original instanceof Short) {
            return (short) slot.longValue;
        }
        if (original instanceof Byte) {
            return (byte) slot.longValue;
        }
        if (original instanceof Float) {
            return (float) slot.doubleValue;
        }
        return slot.doubleValue;
    }
}
