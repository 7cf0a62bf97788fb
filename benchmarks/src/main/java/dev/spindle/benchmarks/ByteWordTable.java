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
 * <p>Layout: slot {@code i} is the four longs {@code table[4i .. 4i+3]}: {@code (offset << 32) | length}
 * where {@code offset} locates the whole word in {@link #arena} (0 when the slot is empty; words are
 * never empty), the word's bytes 0..7 and 8..15 as little-endian longs (zero-padded), and the count.
 * A lookup compares length and the first sixteen bytes inside the slot, and only for longer words the
 * rest in the arena, so counting a word of up to sixteen bytes touches one cache line of the table.
 * The table doubles when half full.
 *
 * <p>Words are read eight bytes at a time; to read a partial eight bytes in one go a read may look past
 * the word's end (but not past its array), and masks those bytes off.
 *
 * <p>Not thread-safe: confined to one thread at a time (in {@link HandWrittenWordCount}, the counting
 * thread, then the merging thread after a happens-before edge).
 */
final class ByteWordTable {

    private static final int SLOT_LONGS = 4;
    private static final int META = 0;
    private static final int HEAD = 1;
    private static final int NEXT = 2;
    private static final int COUNT = 3;
    private static final int INLINE_BYTES = 2 * Long.BYTES;

    private static final int INITIAL_SLOTS = 1 << 14;
    private static final int INITIAL_ARENA_BYTES = 1 << 18;
    private static final long HASH_MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long[] table = new long[INITIAL_SLOTS * SLOT_LONGS];
    private int slotMask = INITIAL_SLOTS - 1;
    private byte[] arena = new byte[INITIAL_ARENA_BYTES];
    private int arenaUsed;
    private int size;

    /** Number of distinct words. */
    int size() {
        return size;
    }

    /** Counts one occurrence of the word {@code bytes[from, from + length)}, {@code length > 0}. */
    void add(byte[] bytes, int from, int length) {
        add(bytes, from, length, 1);
    }

    /** Adds all of {@code other}'s counts to this table. */
    void addAll(ByteWordTable other) {
        long[] t = other.table;
        for (int base = 0; base < t.length; base += SLOT_LONGS) {
            long meta = t[base + META];
            if (meta != 0) {
                add(other.arena, offset(meta), length(meta), t[base + COUNT]);
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
                String word = new String(arena, offset(meta), length(meta), StandardCharsets.UTF_8);
                map.merge(word, table[base + COUNT], Long::sum);
            }
        }
        return map;
    }

    private void add(byte[] bytes, int from, int length, long count) {
        long head = load(bytes, from, Math.min(length, Long.BYTES));
        long next = load(bytes, from + Long.BYTES, Math.max(0, Math.min(length - Long.BYTES, Long.BYTES)));
        long[] t = table;
        int slot = hash(head, next, bytes, from, length) & slotMask;
        while (true) {
            int base = slot * SLOT_LONGS;
            long meta = t[base + META];
            if (meta == 0) {
                insert(base, head, next, bytes, from, length, count);
                return;
            }
            if (length(meta) == length && t[base + HEAD] == head && t[base + NEXT] == next
                    && tailEquals(offset(meta), bytes, from, length)) {
                t[base + COUNT] += count;
                return;
            }
            slot = (slot + 1) & slotMask;
        }
    }

    /**
     * Hashes a word given its first sixteen bytes as {@code head} and {@code next} (see {@link #add});
     * reads any further bytes from {@code bytes}.
     */
    private static int hash(long head, long next, byte[] bytes, int from, int length) {
        long h = ((length * HASH_MULTIPLIER) ^ head) * HASH_MULTIPLIER;
        h = (h ^ next) * HASH_MULTIPLIER;
        int end = from + length;
        for (int i = from + INLINE_BYTES; i < end; i += Long.BYTES) {
            h = (h ^ load(bytes, i, Math.min(end - i, Long.BYTES))) * HASH_MULTIPLIER;
        }
        return (int) (((h ^ (h >>> 32)) * HASH_MULTIPLIER) >>> 32);
    }

    /**
     * Whether the bytes after the first sixteen, if any, match the word stored at {@code stored}.
     * Compares eight bytes at a time; the last comparison is aligned to the word's end and may overlap
     * the one before, so no read crosses the end of either word.
     */
    private boolean tailEquals(int stored, byte[] bytes, int from, int length) {
        for (int k = INLINE_BYTES; k < length; k += Long.BYTES) {
            int at = Math.min(k, length - Long.BYTES);
            if ((long) LONGS.get(arena, stored + at) != (long) LONGS.get(bytes, from + at)) {
                return false;
            }
        }
        return true;
    }

    private void insert(int base, long head, long next, byte[] bytes, int from, int length, long count) {
        table[base + META] = ((long) appendToArena(bytes, from, length) << 32) | length;
        table[base + HEAD] = head;
        table[base + NEXT] = next;
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
            int slot = hash(old[base + HEAD], old[base + NEXT], arena, offset(meta), length(meta)) & mask;
            while (fresh[slot * SLOT_LONGS + META] != 0) {
                slot = (slot + 1) & mask;
            }
            System.arraycopy(old, base, fresh, slot * SLOT_LONGS, SLOT_LONGS);
        }
        table = fresh;
        slotMask = mask;
    }

    private static int offset(long meta) {
        return (int) (meta >>> 32);
    }

    private static int length(long meta) {
        return (int) meta;
    }

    /** {@code bytes[from, from + count)} as a little-endian long, zero-padded; {@code 0 <= count <= 8}. */
    private static long load(byte[] bytes, int from, int count) {
        if (from + Long.BYTES <= bytes.length) {
            // Shifting twice by 4 * count gives 0 for count 8, where one shift by 64 would be a no-op.
            return (long) LONGS.get(bytes, from) & ~((-1L << (4 * count)) << (4 * count));
        }
        long value = 0;
        for (int k = count - 1; k >= 0; k--) {
            value = (value << Byte.SIZE) | (bytes[from + k] & 0xFF);
        }
        return value;
    }
}
