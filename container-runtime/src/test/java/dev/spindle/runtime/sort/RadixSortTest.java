package dev.spindle.runtime.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class RadixSortTest {

    /** Prefixes as the sort buffer makes them: an int key in the high half, 1 in the low half. */
    private static final LongUnaryOperator INT_PREFIX = key -> ((key ^ 0x80000000L) & 0xFFFFFFFFL) << 32 | 1L;

    @Test
    void shouldSortWholeKeysOfEveryShape() {
        Random random = new Random(3);
        for (int n : new int[] {0, 1, 2, 63, 64, 65, 1000, 100_000}) {
            long[][] inputs = {
                random.longs(n).toArray(),
                random.longs(n, 0, 3).toArray(),
                random.longs(n, -1000, 1000).toArray(),
                new long[n],
                ascending(n),
                descending(n),
            };
            for (long[] keys : inputs) {
                // A long key is its own prefix, sign bit flipped (every byte in play); every prefix decides.
                sortAndCheck(keys, new long[n], k -> k ^ Long.MIN_VALUE, p -> true);
                // Int keys: only the high four bytes differ.
                long[] intKeys = Arrays.stream(keys).map(k -> (int) k).toArray();
                sortAndCheck(intKeys, new long[n], INT_PREFIX, p -> true);
            }
        }
    }

    /**
     * Equal prefixes that do not decide (long strings, the first of several key fields) leave the
     * order to the full comparison, here a second key; so does a prefix that fits no key (0).
     */
    @Test
    void shouldLeaveTiesOfUndecidedPrefixesToTheComparison() {
        Random random = new Random(5);
        int n = 50_000;
        long[] keys = random.longs(n, 0, 40).toArray();
        long[] tieBreakers = random.longs(n).toArray();
        sortAndCheck(keys, tieBreakers, k -> k << 40, p -> false);
        sortAndCheck(keys, tieBreakers, k -> 0, p -> false);
        // Decisive for even keys only: odd ones still need their second key.
        sortAndCheck(keys, tieBreakers, k -> k << 40, p -> ((p >>> 40) & 1) == 0);
    }

    /** Random int keys are placed in about two passes, not quicksort's ~log2 n. */
    @Test
    void shouldSwapRandomKeysAboutOncePerLevel() {
        int n = 200_000;
        long[] keys = new Random(9).ints(n).asLongStream().toArray();
        TestingSortable sorted = sortAndCheck(keys, new long[n], INT_PREFIX, p -> true);
        double perEntry = (double) sorted.swaps / n;
        assertTrue(perEntry < 3, perEntry + " swaps per entry");
    }

    /**
     * Sorts entries (key, tie breaker) by {@code prefixOf(key)} through {@link RadixSort} and checks
     * the order against a sort by (key, tie breaker), checking the tie breaker only where the
     * entries' prefix is not decisive.
     */
    private static TestingSortable sortAndCheck(long[] keys, long[] tieBreakers, LongUnaryOperator prefixOf,
                                                LongPredicate decisive) {
        int n = keys.length;
        TestingSortable s = new TestingSortable(keys.clone(), tieBreakers.clone(), prefixOf, decisive);
        RadixSort.sort(s);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> keys[i]).thenComparingLong(i -> tieBreakers[i]));
        long[] expectedKeys = new long[n];
        for (int i = 0; i < n; i++) {
            expectedKeys[i] = keys[order[i]];
        }
        assertArrayEquals(expectedKeys, s.keys);
        for (int i = 1; i < n; i++) {
            if (s.keys[i - 1] == s.keys[i] && !decisive.test(prefixOf.applyAsLong(s.keys[i]))) {
                assertTrue(s.tieBreakers[i - 1] <= s.tieBreakers[i], "tie at " + i + " out of order");
            }
        }
        return s;
    }

    private static long[] ascending(int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static long[] descending(int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = n - i;
        }
        return a;
    }

    /**
     * Entries (key, tie breaker) with prefixes computed from the key; the comparison orders by key,
     * then tie breaker, as a sort key whose prefixes agree with its order would.
     */
    private static final class TestingSortable implements PrefixSortable {
        final long[] keys;
        final long[] tieBreakers;
        final long[] prefixes;
        final LongPredicate decisive;
        int pivot = -1;
        long pivotKey;
        long pivotTie;
        long swaps;

        TestingSortable(long[] keys, long[] tieBreakers, LongUnaryOperator prefixOf,
                        LongPredicate decisive) {
            this.keys = keys;
            this.tieBreakers = tieBreakers;
            this.prefixes = Arrays.stream(keys).map(prefixOf).toArray();
            this.decisive = decisive;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public long prefix(int i) {
            return prefixes[i];
        }

        @Override
        public boolean isDecisive(long prefix) {
            return decisive.test(prefix);
        }

        @Override
        public int compare(int i, int j) {
            return compare(keys[i], tieBreakers[i], keys[j], tieBreakers[j]);
        }

        private static int compare(long key, long tie, long otherKey, long otherTie) {
            int c = Long.compare(key, otherKey);
            return c != 0 ? c : Long.compare(tie, otherTie);
        }

        @Override
        public void swap(int i, int j) {
            swaps++;
            long t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
            t = tieBreakers[i];
            tieBreakers[i] = tieBreakers[j];
            tieBreakers[j] = t;
            t = prefixes[i];
            prefixes[i] = prefixes[j];
            prefixes[j] = t;
        }

        @Override
        public void setPivot(int i) {
            pivotKey = keys[i];
            pivotTie = tieBreakers[i];
        }

        @Override
        public int compareToPivot(int i) {
            return compare(keys[i], tieBreakers[i], pivotKey, pivotTie);
        }
    }
}
