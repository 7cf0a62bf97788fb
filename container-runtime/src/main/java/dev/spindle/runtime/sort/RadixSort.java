package dev.spindle.runtime.sort;

import java.util.Arrays;

/**
 * An in-place, unstable sort of a {@link PrefixSortable} by its entries' normalized keys, most
 * significant byte first (an "American flag" sort). For a range it finds the first byte in which
 * the prefixes differ, counts the entries per value of that byte, swaps each entry straight into
 * its bucket and goes on with every bucket. Ranges shorter than {@value #SMALL_RANGE} entries, and
 * runs of one prefix that does not decide the order, are finished by {@link QuickSort} with the
 * full comparison.
 *
 * <p>Why: on keys whose prefixes spread (integers, hashes, short strings) a range of millions of
 * entries is sorted in two or three passes, each moving every entry at most once, where quicksort
 * makes about log2 n partitioning passes over the whole index. One instance per sort: it holds
 * the bucket counts of each level of recursion (at most eight, one per prefix byte).
 *
 * <p>Every pass goes over its range in chunks of {@value #CHUNK} entries, each a call of its own:
 * a sort may run once in a JVM (a job's only sort), and a loop the JIT compiles while it runs
 * millions of times without ending is deoptimized when it first ends, falling back to the
 * interpreter for the next long range.
 */
final class RadixSort {

    static final int SMALL_RANGE = 64;
    private static final int BUCKETS = 256;
    private static final int CHUNK = 1 << 12;

    private final PrefixSortable s;
    private final int[][] ends = new int[Long.BYTES][BUCKETS];
    private final int[][] next = new int[Long.BYTES][BUCKETS];

    private RadixSort(PrefixSortable s) {
        this.s = s;
    }

    static void sort(PrefixSortable s) {
        int n = s.size();
        if (n > 1) {
            new RadixSort(s).sort(0, n, 0);
        }
    }

    /** Sorts {@code [from, to)}, at least two entries, at recursion {@code depth}. */
    private void sort(int from, int to, int depth) {
        if (to - from < SMALL_RANGE) {
            QuickSort.sort(s, from, to);
            return;
        }
        long differing = differingBits(from, to);
        if (differing == 0) {
            if (!s.isDecisive(s.prefix(from))) {
                QuickSort.sort(s, from, to);
            }
            return;
        }
        // The first byte (from the most significant) in which some prefixes of the range differ.
        int shift = 56 - (Long.numberOfLeadingZeros(differing) & ~7);
        int[] ends = this.ends[depth];
        int[] next = this.next[depth];
        countDigits(from, to, shift, ends);
        int position = from;
        for (int b = 0; b < BUCKETS; b++) {
            next[b] = position;
            position += ends[b];
            ends[b] = position;
        }
        permute(shift, ends, next);
        int start = from;
        for (int b = 0; b < BUCKETS; b++) {
            if (ends[b] - start > 1) {
                sort(start, ends[b], depth + 1);
            }
            start = ends[b];
        }
    }

    /** The bits in which the prefixes of {@code [from, to)} are not all alike. */
    private long differingBits(int from, int to) {
        long first = s.prefix(from);
        long differing = 0;
        for (int i = from + 1; i < to; i += CHUNK) {
            differing |= differingBitsIn(i, Math.min(to, i + CHUNK), first);
        }
        return differing;
    }

    private long differingBitsIn(int from, int to, long first) {
        long differing = 0;
        for (int i = from; i < to; i++) {
            differing |= s.prefix(i) ^ first;
        }
        return differing;
    }

    /** Counts the entries of {@code [from, to)} per value of the prefix byte at {@code shift} into {@code counts}. */
    private void countDigits(int from, int to, int shift, int[] counts) {
        Arrays.fill(counts, 0);
        for (int i = from; i < to; i += CHUNK) {
            countDigitsIn(i, Math.min(to, i + CHUNK), shift, counts);
        }
    }

    private void countDigitsIn(int from, int to, int shift, int[] counts) {
        for (int i = from; i < to; i++) {
            counts[digit(s.prefix(i), shift)]++;
        }
    }

    /**
     * Moves every entry into its bucket: bucket {@code b} ends before {@code ends[b]} and its next
     * unsettled slot is {@code next[b]}. An entry out of place is swapped into the next free slot of
     * its bucket and the entry that comes back is examined in turn, so each swap settles at least
     * one entry for good.
     */
    private void permute(int shift, int[] ends, int[] next) {
        for (int b = 0; b < BUCKETS; b++) {
            while (next[b] < ends[b]) {
                settle(b, ends[b], shift, next);
            }
        }
    }

    /** Up to {@link #CHUNK} steps of settling bucket {@code b}, which ends before {@code end}. */
    private void settle(int b, int end, int shift, int[] next) {
        int steps = CHUNK;
        for (int i = next[b]; i < end && steps > 0; i = next[b], steps--) {
            int d = digit(s.prefix(i), shift);
            if (d == b) {
                next[b] = i + 1;
            } else {
                s.swap(i, next[d]++);
            }
        }
    }

    private static int digit(long prefix, int shift) {
        return (int) (prefix >>> shift) & (BUCKETS - 1);
    }
}
