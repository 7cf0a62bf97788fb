package dev.spindle.dataset.internal;

import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.tuple.Tuple;

/**
 * Sum, min or max of one tuple field, as a reduce function. The first record of each group is
 * updated in place and carries the other fields.
 */
public final class FieldAggregator<T> implements ReduceFunction<T> {

    /** The aggregation. */
    public enum Kind { SUM, MIN, MAX }

    private final int field;
    private final Kind kind;

    public FieldAggregator(int field, Kind kind) {
        this.field = field;
        this.kind = kind;
    }

    @Override
    public T reduce(T a, T b) {
        Tuple ta = (Tuple) a;
        Tuple tb = (Tuple) b;
        Object x = ta.getField(field);
        Object y = tb.getField(field);
        ta.setField(field, kind == Kind.SUM ? add(x, y) : pick(x, y));
        return a;
    }

    private static Object add(Object x, Object y) {
        if (x instanceof Integer i) {
            return i + (Integer) y;
        }
        if (x instanceof Long l) {
            return l + (Long) y;
        }
        if (x instanceof Double d) {
            return d + (Double) y;
        }
        if (x instanceof Float f) {
            return f + (Float) y;
        }
        if (x instanceof Short s) {
            return (short) (s + (Short) y);
        }
        if (x instanceof Byte s) {
            return (byte) (s + (Byte) y);
        }
        throw new IllegalArgumentException("Cannot sum values of type " + x.getClass().getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object pick(Object x, Object y) {
        int c = ((Comparable) x).compareTo(y);
        return kind == Kind.MIN ? (c <= 0 ? x : y) : (c >= 0 ? x : y);
    }
}
