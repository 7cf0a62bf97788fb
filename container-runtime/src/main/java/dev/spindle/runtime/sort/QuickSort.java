package dev.spindle.runtime.sort;

/**
 * An in-place, unstable sort of an {@link IndexedSortable}: quicksort with pivots taken as the median
 * of three entries at a quarter, half and three quarters of the range (of three such medians, a
 * "ninther", for long ranges), and three-way partitioning (so that many equal keys, as in skewed
 * data, cost a single pass), insertion sort for short ranges, and heapsort when recursion gets too
 * deep (at most O(n log n) comparisons whatever the input). Stateless.
 */
final class QuickSort {

    private static final int INSERTION_SORT_MAX = 12;
    /** Ranges at least this long take their pivot as the median of three medians of three. */
    private static final int NINTHER_MIN = 1024;

    private QuickSort() {
    }

    static void sort(IndexedSortable s) {
        sort(s, 0, s.size());
    }

    /** Sorts the entries {@code [from, to)}. */
    static void sort(IndexedSortable s, int from, int to) {
        int n = to - from;
        if (n > 1) {
            sort(s, from, to, 2 * (32 - Integer.numberOfLeadingZeros(n)));
        }
    }

    /** Sorts {@code [from, to)}. */
    private static void sort(IndexedSortable s, int from, int to, int depthBudget) {
        while (to - from > INSERTION_SORT_MAX) {
            if (depthBudget-- == 0) {
                heapSort(s, from, to);
                return;
            }
            s.swap(from, pivotIndex(s, from, to));
            s.setPivot(from);
            // Bentley-McIlroy partitioning: two pointers swap only entries on the wrong side, and keys
            // equal to the pivot are parked at both ends, then moved to the middle. Invariant:
            // [from, a) == pivot, [a, b) < pivot, (c, d] > pivot, (d, to) == pivot.
            int a = from + 1;
            int b = from + 1;
            int c = to - 1;
            int d = to - 1;
            while (true) {
                int cmp;
                while (b <= c && (cmp = s.compareToPivot(b)) <= 0) {
                    if (cmp == 0) {
                        s.swap(a++, b);
                    }
                    b++;
                }
                while (c >= b && (cmp = s.compareToPivot(c)) >= 0) {
                    if (cmp == 0) {
                        s.swap(c, d--);
                    }
                    c--;
                }
                if (b > c) {
                    break;
                }
                s.swap(b++, c--);
            }
            int less = b - a;
            int greater = d - c;
            int leftEquals = Math.min(a - from, less);
            swapRanges(s, from, b - leftEquals, leftEquals);
            int rightEquals = Math.min(to - 1 - d, greater);
            swapRanges(s, b, to - rightEquals, rightEquals);
            int lt = from + less;
            int gt = to - 1 - greater;
            // Recurse into the smaller side, loop on the larger: the stack stays O(log n).
            if (lt - from < to - gt - 1) {
                sort(s, from, lt, depthBudget);
                from = gt + 1;
            } else {
                sort(s, gt + 1, to, depthBudget);
                to = lt;
            }
        }
        insertionSort(s, from, to);
    }

    /**
     * The index of a pivot for {@code [from, to)}. Not the first, middle and last entries: the
     * partitioning moves the entries above the pivot to the end in reverse, so on sorted input those
     * three would be the smallest of the next range, and the sort would fall back to heapsort.
     */
    private static int pivotIndex(IndexedSortable s, int from, int to) {
        int len = to - from;
        int quarter = len / 4;
        int a = from + quarter;
        int b = from + len / 2;
        int c = from + 3 * quarter;
        if (len < NINTHER_MIN) {
            return medianOfThree(s, a, b, c);
        }
        int d = len / 8;
        return medianOfThree(s, medianOfThree(s, a - d, a, a + d), medianOfThree(s, b - d, b, b + d),
                medianOfThree(s, c - d, c, c + d));
    }

    /** Swaps the {@code n} entries from {@code i} with the {@code n} entries from {@code j}. */
    private static void swapRanges(IndexedSortable s, int i, int j, int n) {
        for (int k = 0; k < n; k++) {
            s.swap(i + k, j + k);
        }
    }

    private static int medianOfThree(IndexedSortable s, int a, int b, int c) {
        if (s.compare(a, b) < 0) {
            if (s.compare(b, c) < 0) {
                return b;
            }
            return s.compare(a, c) < 0 ? c : a;
        }
        if (s.compare(a, c) < 0) {
            return a;
        }
        return s.compare(b, c) < 0 ? c : b;
    }

    private static void insertionSort(IndexedSortable s, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            for (int j = i; j > from && s.compare(j - 1, j) > 0; j--) {
                s.swap(j - 1, j);
            }
        }
    }

    private static void heapSort(IndexedSortable s, int from, int to) {
        int n = to - from;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(s, from, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            s.swap(from, from + end);
            siftDown(s, from, 0, end);
        }
    }

    private static void siftDown(IndexedSortable s, int base, int node, int size) {
        while (true) {
            int child = 2 * node + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && s.compare(base + child, base + child + 1) < 0) {
                child++;
            }
            if (s.compare(base + node, base + child) >= 0) {
                return;
            }
            s.swap(base + node, base + child);
            node = child;
        }
    }
}
