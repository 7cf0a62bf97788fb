package dev.spindle.runtime.sort;

/**
 * Normalized keys of one key column in one direction: picks the {@link KeyNormalizer} from the class
 * of the first non-null key (all keys of a sort must have one type, as their comparison requires),
 * maps {@code null} to the smallest prefix, and complements prefixes for descending order.
 * Used by one sorter thread.
 */
final class KeyPrefix {

    private final Order order;
    /** False when the column is only the first of several key fields: equal prefixes then decide nothing. */
    private final boolean wholeKey;
    private Class<?> keyClass;
    private KeyNormalizer normalizer;

    KeyPrefix(Order order, boolean wholeKey) {
        this.order = order;
        this.wholeKey = wholeKey;
    }

    long of(Object key) {
        long ascending = 0;
        if (key != null) {
            if (keyClass == null) {
                keyClass = key.getClass();
                normalizer = KeyNormalizer.forClass(keyClass);
            } else if (normalizer != null && key.getClass() != keyClass) {
                throw new SortKeyException("Sort keys must all have one type, but a key of type "
                        + key.getClass().getName() + " followed keys of type " + keyClass.getName());
            }
            if (normalizer != null) {
                ascending = normalizer.normalize(key);
            }
        }
        return order == Order.ASCENDING ? ascending : ~ascending;
    }

    boolean isDecisive(long prefix) {
        if (!wholeKey || normalizer == null) {
            return false;
        }
        long ascending = order == Order.ASCENDING ? prefix : ~prefix;
        return ascending != 0 && normalizer.isDecisive(ascending);
    }
}
