package dev.spindle.runtime.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuickSortTest {

    @Test
    void shouldSortEveryShapeOfInput() {
        Random random = new Random(1);
        for (int n : new int[] {0, 1, 2, 3, 13, 100, 10_000}) {
            int[][] inputs = {
                random.ints(n).toArray(),
                random.ints(n, 0, 3).toArray(),
                new int[n],
                ascending(n),
                reverse(ascending(n)),
                organPipe(n),
            };
            for (int[] input : inputs) {
                int[] expected = input.clone();
                Arrays.sort(expected);
                TestingSortable sortable = new TestingSortable(input.clone());
                QuickSort.sort(sortable);
                assertArrayEquals(expected, sortable.values);
            }
        }
    }

    /**
     * Presorted shapes (a group-by over input sorted by its key, a sawtooth of sorted runs) must
     * take quicksort's ~1.4 n log2 n comparisons, not fall back to heapsort's ~2 n log2 n and more:
     * the pivot of a range must not come from its ends, which partitioning leaves in reverse order.
     */
    @Test
    void shouldNotDegenerateOnPresortedInput() {
        int n = 200_000;
        int[] sawtooth = new int[n];
        for (int i = 0; i < n; i++) {
            sawtooth[i] = i % 1000;
        }
        int[] duplicated = new int[n];
        for (int i = 0; i < n; i++) {
            duplicated[i] = i / 10;
        }
        for (int[] input : new int[][] {ascending(n), reverse(ascending(n)), organPipe(n), sawtooth, duplicated}) {
            double perEntry = (double) sortAndCheck(input).comparisons / n;
            assertTrue(perEntry < 30, perEntry + " comparisons per entry (log2 n = 17.6)");
        }
    }

    /**
     * Sorting moves 16-byte index entries scattered over tens of megabytes, so swaps cost cache
     * misses: partitioning must swap only entries on the wrong side of the pivot (about a quarter of
     * a range), not every entry below it (about half, at each level).
     */
    @Test
    void shouldSwapOnlyEntriesOnTheWrongSideOfThePivot() {
        int n = 200_000;
        Random random = new Random(7);
        for (int[] input : new int[][] {random.ints(n).toArray(), random.ints(n, 0, 50).toArray()}) {
            double perEntry = (double) sortAndCheck(input).swaps / n;
            assertTrue(perEntry < 8, perEntry + " swaps per entry (log2 n = 17.6)");
        }
    }

    /** Sorts a copy of {@code input}, checks the result against {@link Arrays#sort} and returns the counts. */
    private static TestingSortable sortAndCheck(int[] input) {
        TestingSortable sortable = new TestingSortable(input.clone());
        QuickSort.sort(sortable);
        int[] expected = input.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, sortable.values);
        return sortable;
    }

    private static int[] ascending(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static int[] reverse(int[] a) {
        for (int i = 0; i < a.length / 2; i++) {
            int t = a[i];
            a[i] = a[a.length - 1 - i];
            a[a.length - 1 - i] = t;
        }
        return a;
    }

    private static int[] organPipe(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.min(i, n - i);
        }
        return a;
    }

    /** Sorts an int array through the {@link IndexedSortable} interface. */
    private static final class TestingSortable implements IndexedSortable {
        final int[] values;
        int pivot;
        long comparisons;
        long swaps;

        TestingSortable(int[] values) {
            this.values = values;
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public int compare(int i, int j) {
            comparisons++;
            return Integer.compare(values[i], values[j]);
        }

        @Override
        public void swap(int i, int j) {
            swaps++;
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }

        @Override
        public void setPivot(int i) {
            pivot = values[i];
        }

        @Override
        public int compareToPivot(int i) {
            comparisons++;
            return Integer.compare(values[i], pivot);
        }
    }
}
