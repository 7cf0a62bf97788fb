package dev.spindle.runtime.operators.sort;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.sort.SortKey;
import dev.spindle.runtime.sort.SortKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * An order of records by several keys, earlier keys first: the record's key is the array of the
 * key selectors' results, each compared by its own key order. The first key gives the normalized
 * key; equal prefixes decide equality only when there is no second key. Either the order a user
 * asked for ({@link #of}) or a grouping key followed by an order within each group
 * ({@link #grouped}). One instance per sorter, used by the task thread.
 */
public final class CompositeSortKey<T> implements SortKey<T, Object[]> {

    private final KeySelector<T, ?>[] selectors;
    private final SortKey<Object, Object>[] orders;

    @SuppressWarnings("unchecked")
    private CompositeSortKey(List<KeySelector<T, ?>> selectors, List<SortKey<Object, Object>> orders) {
        if (selectors.isEmpty()) {
            throw new IllegalArgumentException("A sort order needs at least one key");
        }
        this.selectors = selectors.toArray(new KeySelector[0]);
        this.orders = orders.toArray(new SortKey[0]);
    }

    /** The records in the order of {@code fields}. */
    public static <T> CompositeSortKey<T> of(List<SortField<T>> fields) {
        return build(null, null, fields);
    }

    /**
     * Records with equal {@code groupKey} adjacent (in {@code groupOrder}), and within each group in
     * the order of {@code withinGroup} (may be empty).
     */
    public static <T> CompositeSortKey<T> grouped(KeySelector<T, ?> groupKey, GroupingKeyOrder groupOrder,
                                                  List<SortField<T>> withinGroup) {
        return build(groupKey, groupOrder, withinGroup);
    }

    private static <T> CompositeSortKey<T> build(KeySelector<T, ?> groupKey, GroupingKeyOrder groupOrder,
                                                 List<SortField<T>> fields) {
        List<KeySelector<T, ?>> selectors = new ArrayList<>();
        List<SortKey<Object, Object>> orders = new ArrayList<>();
        if (groupKey != null) {
            selectors.add(groupKey);
            orders.add(groupOrder);
        }
        for (SortField<T> field : fields) {
            selectors.add(field.key());
            orders.add(SortKeys.natural(field.order()));
        }
        return new CompositeSortKey<>(selectors, orders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object[] extract(T record) {
        Object[] key = new Object[selectors.length];
        for (int i = 0; i < selectors.length; i++) {
            key[i] = orders[i].extract(SortKeys.keyOf((KeySelector<T, Object>) selectors[i], record));
        }
        return key;
    }

    @Override
    public int compare(Object[] first, Object[] second) {
        for (int i = 0; i < orders.length; i++) {
            int c = orders[i].compare(first[i], second[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public long normalize(Object[] key) {
        return orders[0].normalize(key[0]);
    }

    @Override
    public boolean isDecisive(long normalizedKey) {
        return orders.length == 1 && orders[0].isDecisive(normalizedKey);
    }
}
