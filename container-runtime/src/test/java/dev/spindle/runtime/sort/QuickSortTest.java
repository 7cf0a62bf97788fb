package dev.spindle.runtime.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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

        TestingSortable(int[] values) {
            this.values = values;
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public int compare(int i, int j) {
            return Integer.compare(values[i], values[j]);
        }

        @Override
        public void swap(int i, int j) {
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
            return Integer.compare(values[i], pivot);
        }
    }
}
