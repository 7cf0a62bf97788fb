package dev.spindle.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts words given as byte ranges, without creating a {@code String} per occurrence: an
 * open-addressing (linear probing) hash table whose keys are the distinct words' bytes.
 *
 * <p>Layout: each distinct word is an entry {@code e}, its bytes copied once into {@link #arena} at
 * {@code offsets[e]} with length {@code lengths[e]}, its count in {@code counts[e]}. A slot of
 * {@link #slots} is 0 when empty, otherwise {@code (hash << 32) | (e + 1)}, so a probe compares the
 * stored hash first and the bytes only on a hash match. The table doubles when half full.
 *
 * <p>The hash reads a word eight bytes at a time; to read the last, partial eight bytes in one go it
 * may look past the word's end (but not past its array), and masks those bytes off.
 *
 * <p>Not thread-safe: confined to one thread at a time (in {@link HandWrittenWordCount}, the counting
 * thread, then the merging thread after a happens-before edge).
 */
final class ByteWordTable {

    private static final int INITIAL_SLOTS = 1 << 16;
    private static final int INITIAL_ENTRIES = 1 << 14;
    private static final int INITIAL_ARENA_BYTES = 1 << 18;
    private static final long HASH_MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long[] slots = new long[INITIAL_SLOTS];
    private byte[] arena = new byte[INITIAL_ARENA_BYTES];
    private int arenaUsed;
    private int[] offsets = new int[INITIAL_ENTRIES];
    private int[] lengths = new int[INITIAL_ENTRIES];
    private int[] hashes = new int[INITIAL_ENTRIES];
    private long[] counts = new long[INITIAL_ENTRIES];
    private int size;

    /** The hash of {@code bytes[from, from + length)}; depends only on those bytes. */
    static int hash(byte[] bytes, int from, int length) {
        int end = from + length;
        long h = length;
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            h = (h ^ (long) LONGS.get(bytes, i)) * HASH_MULTIPLIER;
        }
        if (i < end) {
            h = (h ^ tail(bytes, i, end - i)) * HASH_MULTIPLIER;
        }
        return (int) (((h ^ (h >>> 32)) * HASH_MULTIPLIER) >>> 32);
    }

    /** {@code bytes[from, from + count)} as a little-endian long, {@code 0 < count < 8}. */
    private static long tail(byte[] bytes, int from, int count) {
        if (from + Long.BYTES <= bytes.length) {
            return (long) LONGS.get(bytes, from) & (-1L >>> (Long.SIZE - Byte.SIZE * count));
        }
        long value = 0;
        for (int k = count - 1; k >= 0; k--) {
            value = (value << Byte.SIZE) | (bytes[from + k] & 0xFF);
        }
        return value;
    }

    /** Number of distinct words. */
    int size() {
        return size;
    }

    /** Counts one occurrence of the word {@code bytes[from, from + length)}. */
    void add(byte[] bytes, int from, int length) {
        add(bytes, from, length, hash(bytes, from, length), 1);
    }

    /** Adds all of {@code other}'s counts to this table. */
    void addAll(ByteWordTable other) {
        for (int e = 0; e < other.size; e++) {
            add(other.arena, other.offsets[e], other.lengths[e], other.hashes[e], other.counts[e]);
        }
    }

    /**
     * Decodes the words as UTF-8. Distinct byte sequences that decode to the same string (malformed
     * input replaced by U+FFFD) have their counts summed.
     */
    Map<String, Long> toMap() {
        Map<String, Long> map = new HashMap<>(Math.max(16, size * 4 / 3 + 1));
        for (int e = 0; e < size; e++) {
            map.merge(new String(arena, offsets[e], lengths[e], StandardCharsets.UTF_8), counts[e], Long::sum);
        }
        return map;
    }

    private void add(byte[] bytes, int from, int length, int hash, long count) {
        int mask = slots.length - 1;
        int index = hash & mask;
        while (true) {
            long slot = slots[index];
            if (slot == 0) {
                insert(index, bytes, from, length, hash, count);
                return;
            }
            if ((int) (slot >>> 32) == hash) {
                int e = (int) slot - 1;
                if (lengths[e] == length
                        && Arrays.equals(arena, offsets[e], offsets[e] + length, bytes, from, from + length)) {
                    counts[e] += count;
                    return;
                }
            }
            index = (index + 1) & mask;
        }
    }

    private void insert(int index, byte[] bytes, int from, int length, int hash, long count) {
        if (size == offsets.length) {
            int capacity = size * 2;
            offsets = Arrays.copyOf(offsets, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        int offset = appendToArena(bytes, from, length);
        int e = size++;
        offsets[e] = offset;
        lengths[e] = length;
        hashes[e] = hash;
        counts[e] = count;
        slots[index] = slotOf(hash, e);
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
    }

    private int appendToArena(byte[] bytes, int from, int length) {
        int needed = arenaUsed + length;
        if (needed < 0) {
            throw new IllegalStateException("Distinct words exceed 2 GiB; the hand-written count cannot hold them");
        }
        if (needed > arena.length) {
            arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * arena.length)));
        }
        System.arraycopy(bytes, from, arena, arenaUsed, length);
        int offset = arenaUsed;
        arenaUsed = needed;
        return offset;
    }

    private void rehash(int slotCount) {
        long[] fresh = new long[slotCount];
        int mask = slotCount - 1;
        for (int e = 0; e < size; e++) {
            int index = hashes[e] & mask;
            while (fresh[index] != 0) {
                index = (index + 1) & mask;
            }
            fresh[index] = slotOf(hashes[e], e);
        }
        slots = fresh;
    }

    private static long slotOf(int hash, int entry) {
        return ((long) hash << 32) | (entry + 1L);
    }
}
