package dev.spindle.runtime.sort;

import dev.spindle.api.tuple.Tuple;

/**
 * The natural order of keys: {@code null} first, {@link Comparable} keys by {@code compareTo},
 * tuples field by field. Stateless.
 */
final class NaturalOrder {

    private NaturalOrder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        if (b == null) {
            return 1;
        }
        if (a instanceof Tuple ta && b instanceof Tuple tb) {
            return compareTuples(ta, tb);
        }
        if (a instanceof Comparable ca) {
            try {
                return ca.compareTo(b);
            } catch (ClassCastException e) {
                throw new SortKeyException("Cannot compare sort keys of types " + a.getClass().getName() + " and "
                        + b.getClass().getName(), e);
            }
        }
        throw new SortKeyException("Sort keys of type " + a.getClass().getName() + " are not Comparable; "
                + "use Comparable keys (strings, numbers, enums, tuples of them) or give a comparator");
    }

    private static int compareTuples(Tuple a, Tuple b) {
        int arity = Math.min(a.getArity(), b.getArity());
        for (int i = 0; i < arity; i++) {
            int c = compare(a.getField(i), b.getField(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.getArity(), b.getArity());
    }
}
