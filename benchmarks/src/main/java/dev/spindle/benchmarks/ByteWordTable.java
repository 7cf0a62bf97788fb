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
 * <p>Layout: slot {@code i} is the four longs {@code table[4i .. 4i+3]}: {@code (hash << 32) | length}
 * (0 when the slot is empty; words are never empty), the word's first eight bytes as a little-endian
 * long (zero-padded), the offset of the whole word in {@link #arena}, and the count. A lookup compares
 * hash and length, then the first eight bytes, and only for longer words the rest in the arena, so
 * counting a short word touches one cache line. The table doubles when half full.
 *
 * <p>The hash reads a word eight bytes at a time; to read the last, partial eight bytes in one go it
 * may look past the word's end (but not past its array), and masks those bytes off.
 *
 * <p>Not thread-safe: confined to one thread at a time (in {@link HandWrittenWordCount}, the counting
 * thread, then the merging thread after a happens-before edge).
 */
final class ByteWordTable {

    private static final int SLOT_LONGS = 4;
    private static final int META = 0;
    private static final int PREFIX = 1;
    private static final int OFFSET = 2;
    private static final int COUNT = 3;

    private static final int INITIAL_SLOTS = 1 << 14;
    private static final int INITIAL_ARENA_BYTES = 1 << 18;
    private static final long HASH_MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long[] table = new long[INITIAL_SLOTS * SLOT_LONGS];
    private int slotMask = INITIAL_SLOTS - 1;
    private byte[] arena = new byte[INITIAL_ARENA_BYTES];
    private int arenaUsed;
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
            h = (h ^ partialLong(bytes, i, end - i)) * HASH_MULTIPLIER;
        }
        return (int) (((h ^ (h >>> 32)) * HASH_MULTIPLIER) >>> 32);
    }

    /** Number of distinct words. */
    int size() {
        return size;
    }

    /** Counts one occurrence of the word {@code bytes[from, from + length)}, {@code length > 0}. */
    void add(byte[] bytes, int from, int length) {
        add(bytes, from, length, hash(bytes, from, length), 1);
    }

    /** Adds all of {@code other}'s counts to this table. */
    void addAll(ByteWordTable other) {
        long[] t = other.table;
        for (int base = 0; base < t.length; base += SLOT_LONGS) {
            long meta = t[base + META];
            if (meta != 0) {
                add(other.arena, (int) t[base + OFFSET], (int) meta, (int) (meta >>> 32), t[base + COUNT]);
            }
        }
    }

    /**
     * Decodes the words as UTF-8. Distinct byte sequences that decode to the same string (malformed
     * input replaced by U+FFFD) have their counts summed.
     */
    Map<String, Long> toMap() {
        Map<String, Long> map = new HashMap<>(Math.max(16, size * 4 / 3 + 1));
        for (int base = 0; base < table.length; base += SLOT_LONGS) {
            long meta = table[base + META];
            if (meta != 0) {
                String word = new String(arena, (int) table[base + OFFSET], (int) meta, StandardCharsets.UTF_8);
                map.merge(word, table[base + COUNT], Long::sum);
            }
        }
        return map;
    }

    private void add(byte[] bytes, int from, int length, int hash, long count) {
        long wanted = meta(hash, length);
        long prefix = prefix(bytes, from, length);
        long[] t = table;
        int slot = hash & slotMask;
        while (true) {
            int base = slot * SLOT_LONGS;
            long meta = t[base + META];
            if (meta == 0) {
                insert(base, wanted, prefix, bytes, from, length, count);
                return;
            }
            if (meta == wanted && t[base + PREFIX] == prefix && restEquals(t[base + OFFSET], bytes, from, length)) {
                t[base + COUNT] += count;
                return;
            }
            slot = (slot + 1) & slotMask;
        }
    }

    /**
     * Whether the bytes after the first eight, if any, match the word stored at {@code offset}. Compares
     * eight bytes at a time; the last comparison is aligned to the word's end and may overlap the one
     * before, so no read crosses the end of either word.
     */
    private boolean restEquals(long offset, byte[] bytes, int from, int length) {
        int stored = (int) offset;
        for (int k = Long.BYTES; k < length; k += Long.BYTES) {
            int at = Math.min(k, length - Long.BYTES);
            if ((long) LONGS.get(arena, stored + at) != (long) LONGS.get(bytes, from + at)) {
                return false;
            }
        }
        return true;
    }

    private void insert(int base, long meta, long prefix, byte[] bytes, int from, int length, long count) {
        table[base + META] = meta;
        table[base + PREFIX] = prefix;
        table[base + OFFSET] = appendToArena(bytes, from, length);
        table[base + COUNT] = count;
        size++;
        if (size * 2 > slotMask + 1) {
            rehash((slotMask + 1) * 2);
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
        long[] old = table;
        long[] fresh = new long[slotCount * SLOT_LONGS];
        int mask = slotCount - 1;
        for (int base = 0; base < old.length; base += SLOT_LONGS) {
            long meta = old[base + META];
            if (meta == 0) {
                continue;
            }
            int slot = (int) (meta >>> 32) & mask;
            while (fresh[slot * SLOT_LONGS + META] != 0) {
                slot = (slot + 1) & mask;
            }
            System.arraycopy(old, base, fresh, slot * SLOT_LONGS, SLOT_LONGS);
        }
        table = fresh;
        slotMask = mask;
    }

    private static long meta(int hash, int length) {
        return ((long) hash << 32) | length;
    }

    /** The first eight bytes of the word (fewer, zero-padded, if it is shorter). */
    private static long prefix(byte[] bytes, int from, int length) {
        return length >= Long.BYTES ? (long) LONGS.get(bytes, from) : partialLong(bytes, from, length);
    }

    /** {@code bytes[from, from + count)} as a little-endian long, {@code 0 < count < 8}. */
    private static long partialLong(byte[] bytes, int from, int count) {
        if (from + Long.BYTES <= bytes.length) {
            return (long) LONGS.get(bytes, from) & (-1L >>> (Long.SIZE - Byte.SIZE * count));
        }
        long value = 0;
        for (int k = count - 1; k >= 0; k--) {
            value = (value << Byte.SIZE) | (bytes[from + k] & 0xFF);
        }
        return value;
    }
}
