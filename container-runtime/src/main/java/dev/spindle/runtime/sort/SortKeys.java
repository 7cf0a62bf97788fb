package dev.spindle.runtime.sort;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple;
import dev.spindle.runtime.shuffle.partitioner.KeyHashing;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Factories of {@link SortKey}s: by a {@link KeySelector}, by tuple field positions, or by the records
 * themselves. Keys compare in their natural order ({@code null} first, {@link Comparable}, tuples
 * field by field) unless a comparator is given. String and boxed primitive keys get normalized keys.
 * Every call returns a new instance for one sorter.
 */
public final class SortKeys {

    private SortKeys() {
    }

    /** Orders records by {@code selector}'s key in natural order. */
    public static <T, K> SortKey<T, K> byKey(KeySelector<T, K> selector, Order order) {
        return new SelectorKey<>(selector, null, order);
    }

    /** Orders records by {@code selector}'s key with {@code comparator} (no normalized keys). */
    public static <T, K> SortKey<T, K> byKey(KeySelector<T, K> selector, Comparator<? super K> comparator,
            Order order) {
        return new SelectorKey<>(selector, comparator, order);
    }

    /** Orders records by themselves in natural order. */
    public static <T> SortKey<T, T> natural(Order order) {
        return new SelectorKey<>(record -> record, null, order);
    }

    /** Orders tuples by the fields at {@code positions}, each in its own order, earlier fields first. */
    public static <T extends Tuple> SortKey<T, Object[]> byFields(int[] positions, Order[] orders) {
        return new FieldsKey<>(positions, orders);
    }

    /** Orders tuples by the fields at {@code positions}, all ascending. */
    public static <T extends Tuple> SortKey<T, Object[]> byFields(int... positions) {
        Order[] orders = new Order[positions.length];
        Arrays.fill(orders, Order.ASCENDING);
        return new FieldsKey<>(positions, orders);
    }

    /**
     * Orders records by the {@link KeyHashing#stableHash stable hash} of {@code selector}'s key, as a
     * signed int: records with equal keys end up next to each other (possibly with records of other
     * keys of the same hash), and every comparison is decided by the normalized key, so sorting never
     * deserializes records. For grouping and equi-joins, which need equal keys together but no order.
     */
    public static <T, K> SortKey<T, K> byKeyHash(KeySelector<T, K> selector) {
        return new KeyHashKey<>(selector);
    }

    /** Applies a key selector, turning its checked exceptions into {@link SortKeyException}. */
    public static <T, K> K keyOf(KeySelector<T, K> selector, T record) {
        try {
            return selector.getKey(record);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SortKeyException("The key selector failed on a record: " + e, e);
        }
    }

    private static final class SelectorKey<T, K> implements SortKey<T, K> {

        private final KeySelector<T, K> selector;
        private final Comparator<? super K> comparator;
        private final Order order;
        private final KeyPrefix prefix;

        SelectorKey(KeySelector<T, K> selector, Comparator<? super K> comparator, Order order) {
            this.selector = selector;
            this.comparator = comparator;
            this.order = order;
            this.prefix = comparator == null ? new KeyPrefix(order, true) : null;
        }

        @Override
        public K extract(T record) {
            return keyOf(selector, record);
        }

        @Override
        public int compare(K first, K second) {
            return order.apply(comparator == null ? NaturalOrder.compare(first, second)
                    : comparator.compare(first, second));
        }

        @Override
        public long normalize(K key) {
            return prefix == null ? 0 : prefix.of(key);
        }

        @Override
        public boolean isDecisive(long normalizedKey) {
            return prefix != null && prefix.isDecisive(normalizedKey);
        }
    }

    /** The values of some fields of a tuple; the first field gives the normalized key. */
    private static final class FieldsKey<T extends Tuple> implements SortKey<T, Object[]> {

        private final int[] positions;
        private final Order[] orders;
        private final KeyPrefix prefix;

        FieldsKey(int[] positions, Order[] orders) {
            if (positions.length == 0 || positions.length != orders.length) {
                throw new IllegalArgumentException("Need one order per key field and at least one field, got "
                        + positions.length + " fields and " + orders.length + " orders");
            }
            this.positions = positions.clone();
            this.orders = orders.clone();
            this.prefix = new KeyPrefix(orders[0], positions.length == 1);
        }

        @Override
        public Object[] extract(T record) {
            Object[] key = new Object[positions.length];
            for (int i = 0; i < positions.length; i++) {
                key[i] = record.getField(positions[i]);
            }
            return key;
        }

        @Override
        public int compare(Object[] first, Object[] second) {
            for (int i = 0; i < positions.length; i++) {
                int c = orders[i].apply(NaturalOrder.compare(first[i], second[i]));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        @Override
        public long normalize(Object[] key) {
            return prefix.of(key[0]);
        }

        @Override
        public boolean isDecisive(long normalizedKey) {
            return prefix.isDecisive(normalizedKey);
        }
    }

    /** Orders by the stable hash of the key; the normalized key is the hash, so it decides every comparison. */
    private static final class KeyHashKey<T, K> implements SortKey<T, K> {

        private final KeySelector<T, K> selector;

        KeyHashKey(KeySelector<T, K> selector) {
            this.selector = selector;
        }

        @Override
        public K extract(T record) {
            return keyOf(selector, record);
        }

        @Override
        public int compare(K first, K second) {
            return Integer.compare(KeyHashing.stableHash(first), KeyHashing.stableHash(second));
        }

        @Override
        public long normalize(K key) {
            return ((KeyHashing.stableHash(key) ^ 0x80000000L) & 0xFFFFFFFFL) << 32;
        }

        @Override
        public boolean isDecisive(long normalizedKey) {
            return true;
        }
    }
}
