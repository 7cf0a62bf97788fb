package dev.spindle.dataset.internal;

import dev.spindle.api.aggregation.AggregationException;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.tuple.Tuple;
import java.util.Arrays;

/**
 * Of two tuples, keeps the one with the smaller (minBy) or larger (maxBy) values in some fields,
 * compared field by field in the given order ({@code null} first, then by {@code compareTo}); on
 * a tie, the first. Associative, so it runs before the shuffle too.
 */
public final class SelectByFields<T> implements ReduceFunction<T> {

    private final int[] fields;
    private final boolean smallest;

    private SelectByFields(int[] fields, boolean smallest) {
        this.fields = fields.clone();
        this.smallest = smallest;
    }

    public static <T> SelectByFields<T> min(int... fields) {
        return new SelectByFields<>(fields, true);
    }

    public static <T> SelectByFields<T> max(int... fields) {
        return new SelectByFields<>(fields, false);
    }

    /** For operator names: {@code MinBy(1, 2)}. */
    public String describe() {
        String list = Arrays.toString(fields);
        return (smallest ? "MinBy(" : "MaxBy(") + list.substring(1, list.length() - 1) + ")";
    }

    @Override
    public T reduce(T first, T second) {
        int c = compare((Tuple) first, (Tuple) second);
        return (smallest ? c <= 0 : c >= 0) ? first : second;
    }

    private int compare(Tuple a, Tuple b) {
        for (int field : fields) {
            int c = compareValues(field, a.getField(field), b.getField(field));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(int field, Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (!(a instanceof Comparable ca)) {
            throw new AggregationException("minBy/maxBy: field " + field + " holds a " + a.getClass().getName()
                    + ", which is not Comparable");
        }
        return ca.compareTo(b);
    }
}
