package dev.spindle.benchmarks;

import java.util.Arrays;

/**
 * Numbers vertex ids densely: the {@code i}-th distinct id added gets index {@code i}, so an algorithm
 * can keep per-vertex state in primitive arrays. An open-addressing hash table of primitive longs
 * (Fibonacci hashing, linear probing, at most half full) that keeps each id next to its index, so a
 * lookup costs one cache miss.
 *
 * <p>Not thread-safe: one owner thread.
 */
final class VertexIndex {

    /** Slot {@code s} is {@code table[2s]} (the id) and {@code table[2s+1]} (its index + 1; 0 when empty). */
    private long[] table;
    private int mask;
    private int shift;
    private long[] ids;
    private int size;

    VertexIndex(int expectedVertices) {
        int slots = Integer.highestOneBit(Math.max(16, expectedVertices) * 2 - 1) << 1;
        allocate(slots);
        ids = new long[Math.max(16, expectedVertices)];
    }

    /** The index of {@code id}, numbering it first if it is new. */
    int add(long id) {
        int at = position(id);
        if (table[at + 1] != 0) {
            return (int) table[at + 1] - 1;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[size] = id;
        table[at] = id;
        table[at + 1] = ++size;
        if (size * 2L > mask + 1) {
            rehash();
        }
        return size - 1;
    }

    /** The index of {@code id}, or -1 if it was never added. */
    int indexOf(long id) {
        return (int) table[position(id) + 1] - 1;
    }

    long id(int index) {
        return ids[index];
    }

    int size() {
        return size;
    }

    /** The ids by index, a copy. */
    long[] ids() {
        return Arrays.copyOf(ids, size);
    }

    /** Where in {@link #table} the slot holding {@code id} starts, or the empty slot where it would go. */
    private int position(long id) {
        int slot = (int) ((id * 0x9E37_79B9_7F4A_7C15L) >>> shift);
        while (table[2 * slot + 1] != 0 && table[2 * slot] != id) {
            slot = (slot + 1) & mask;
        }
        return 2 * slot;
    }

    private void rehash() {
        allocate((mask + 1) * 2);
        for (int i = 0; i < size; i++) {
            int at = position(ids[i]);
            table[at] = ids[i];
            table[at + 1] = i + 1;
        }
    }

    private void allocate(int slots) {
        table = new long[2 * slots];
        mask = slots - 1;
        shift = 64 - Integer.numberOfTrailingZeros(slots);
    }
}
