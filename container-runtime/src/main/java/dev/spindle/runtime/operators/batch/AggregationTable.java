package dev.spindle.runtime.operators.batch;

import dev.spindle.runtime.shuffle.partitioner.KeyHashing;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An open-addressing hash table from keys to a record plus primitive accumulators, for hash
 * aggregation. Each slot is {@code 3 + accumulators} longs in one array: the key's hash and a length
 * code, a Long or Integer key or a short string key packed inline (up to 16 Latin-1 or 8 other
 * characters), and the accumulators (a {@code long}, or a {@code double} kept as its bits). A lookup of such a key (most
 * words, ids, codes) is decided from that one cache line, without touching the key object; other
 * keys are compared with {@code equals}. Records and keys sit in parallel arrays for emission; a
 * caller that can rebuild its records from the inline key and the accumulators inserts none (null),
 * and then the table holds no references at all (see {@link #inlineKey}). Single-threaded.
 */
final class AggregationTable {

    private static final float LOAD_FACTOR = 0.75f;
    private static final int HEADER = 3;
    private static final int INLINE_CHARS = 8;
    /** Length code of keys that are not stored inline. */
    private static final int NOT_INLINE = 0xFFFF;
    /** Added to the length of inline keys packed with two bytes per character. */
    private static final int WIDE_CHARS = 0x100;
    /** Length codes of Long and Integer keys, which are stored inline as their value. */
    private static final int LONG_KEY = 0x200;
    private static final int INT_KEY = 0x201;

    private final int stride;
    private final int multiplier = randomMultiplier();
    private long[] slots;
    /** Created with the first key object or record (never for a caller that inserts none). */
    private Object[] keys;
    private Object[] records;
    /** Whether keys or records hold references that drain must clear. */
    private boolean holdsObjects;
    private int size;
    private int mask;
    private int shift;
    // The packed form of the key being looked up (set by find, used by insert).
    private int probeLength;
    private long probe0;
    private long probe1;
    private int probeHash;

    /** A table sized for {@code expected} keys with {@code accumulators} (at least one) per key. */
    AggregationTable(int expected, int accumulators) {
        this.stride = HEADER + Math.max(1, accumulators);
        allocate(Integer.highestOneBit(Math.max(16, (int) (expected / LOAD_FACTOR)) - 1) << 1);
    }

    private void allocate(int capacity) {
        slots = new long[capacity * stride];
        keys = null;
        records = null;
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        size = 0;
    }

    int size() {
        return size;
    }

    /** The slot of the key, or {@code -(free slot) - 1} if it is absent. */
    int find(Object key) {
        boolean inline = pack(key);
        // An inline key is hashed from its packed form: a fresh String (a token) would otherwise
        // compute its hash code by another pass over its characters.
        int hash = inline ? packedHash() : spread(key == null ? 0 : key.hashCode());
        probeHash = hash;
        long wantedMeta = meta(hash, probeLength);
        int i = home(hash);
        while (true) {
            int base = i * stride;
            long meta = slots[base];
            if (meta == 0) {
                return -i - 1;
            }
            if (meta == wantedMeta) {
                if (inline ? slots[base + 1] == probe0 && slots[base + 2] == probe1 : equal(keys[i], key)) {
                    return i;
                }
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * The first slot to try for a hash: its top bits after a multiplicative mix. Not its low bits:
     * the shuffle picks a key's subtask by those (modulo the parallelism), so in a subtask after a
     * hash exchange they are alike, and would leave part of the table unused.
     *
     * <p>The multiplier is the table's own. A combiner emits its keys in slot order; with one
     * multiplier for all tables, the aggregation after the shuffle would receive them ordered by
     * their home there too, and while it is smaller than the combiner's table, hundreds of keys in a
     * row would share a home: one cluster, and quadratic probing (PageRank with a combiner of 400K
     * keys took twice as long).
     */
    private int home(int hash) {
        return (hash * multiplier) >>> shift;
    }

    /** A random odd multiplier with well-mixed bits. */
    private static int randomMultiplier() {
        int m;
        do {
            m = ThreadLocalRandom.current().nextInt() | 1;
        } while (Integer.bitCount(m) < 12 || Integer.bitCount(m) > 20 || (m >>> 28) == 0);
        return m;
    }

    /** The hash of the packed key (probe0, probe1 and its length code); never 0. */
    private int packedHash() {
        long h = probe0 * 0x9E3779B97F4A7C15L + probe1 * 0xC2B2AE3D27D4EB4FL + probeLength;
        h ^= h >>> 31;
        h *= 0xD6E8FEB86659FD93L;
        int mixed = (int) (h ^ (h >>> 32));
        return mixed == 0 ? 1 : mixed;
    }

    /** Spreads a key's hash code; never 0, which marks a free slot. */
    private static int spread(int h) {
        int mixed = KeyHashing.mix(h);
        return mixed == 0 ? 1 : mixed;
    }

    private static long meta(int hash, int lengthCode) {
        return ((long) hash << 32) | (lengthCode + 1);
    }

    /**
     * Packs a Long or Integer key, or a short string key, into probe0/probe1: up to 16 characters of one byte each (Latin-1),
     * or up to 8 of two bytes. The length code tells the two forms apart. Returns false for keys not
     * stored inline.
     */
    private boolean pack(Object key) {
        if (key instanceof Long l) {
            probeLength = LONG_KEY;
            probe0 = l;
            probe1 = 0;
            return true;
        }
        if (key instanceof Integer i) {
            probeLength = INT_KEY;
            probe0 = i;
            probe1 = 0;
            return true;
        }
        if (!(key instanceof String s) || s.length() > 2 * INLINE_CHARS) {
            probeLength = NOT_INLINE;
            return false;
        }
        int n = s.length();
        long p0 = 0;
        long p1 = 0;
        boolean latin1 = true;
        for (int c = 0; c < n; c++) {
            long ch = s.charAt(c);
            if (ch > 0xFF) {
                latin1 = false;
                break;
            }
            if (c < 8) {
                p0 |= ch << (8 * c);
            } else {
                p1 |= ch << (8 * (c - 8));
            }
        }
        if (latin1) {
            probeLength = n;
        } else if (n <= INLINE_CHARS) {
            p0 = 0;
            p1 = 0;
            for (int c = 0; c < n; c++) {
                long ch = s.charAt(c);
                if (c < 4) {
                    p0 |= ch << (16 * c);
                } else {
                    p1 |= ch << (16 * (c - 4));
                }
            }
            probeLength = WIDE_CHARS + n;
        } else {
            probeLength = NOT_INLINE;
            return false;
        }
        probe0 = p0;
        probe1 = p1;
        return true;
    }

    private static boolean equal(Object a, Object b) {
        return a == b || (a != null && a.equals(b));
    }

    /**
     * Puts the key that the last {@link #find} did not find into the free slot it returned;
     * returns the key's slot (it moves if the table grows).
     */
    int insert(int freeSlot, Object key, Object record) {
        if (size + 1 > (mask + 1) * LOAD_FACTOR) {
            grow();
            // The key is absent, so its place is the first free slot from its home.
            freeSlot = home(probeHash);
            while (slots[freeSlot * stride] != 0) {
                freeSlot = (freeSlot + 1) & mask;
            }
        }
        int base = freeSlot * stride;
        slots[base] = meta(probeHash, probeLength);
        slots[base + 1] = probe0;
        slots[base + 2] = probe1;
        Arrays.fill(slots, base + HEADER, base + stride, 0L);
        if (key != null || record != null) {
            attach(freeSlot, key, record);
        }
        size++;
        return freeSlot;
    }

    /** Whether the last {@link #find} looked up a key that the table stores inline and {@link #inlineKey} rebuilds. */
    boolean lastKeyInline() {
        return probeLength == LONG_KEY || probeLength == INT_KEY;
    }

    /** The Long or Integer key of {@code slot}, rebuilt from its inline form; null for other keys. */
    Object inlineKey(int slot) {
        int base = slot * stride;
        int lengthCode = (int) slots[base] - 1;
        if (lengthCode == LONG_KEY) {
            return slots[base + 1];
        }
        if (lengthCode == INT_KEY) {
            return (int) slots[base + 1];
        }
        return null;
    }

    /** Gives an occupied {@code slot} its key object and record (for a caller that inserted none). */
    void attach(int slot, Object key, Object record) {
        if (keys == null) {
            keys = new Object[mask + 1];
            records = new Object[mask + 1];
        }
        keys[slot] = key;
        records[slot] = record;
        holdsObjects = true;
    }

    /** Calls the visitor for every occupied slot. */
    void forEach(SlotVisitor visitor) {
        for (int i = 0; i <= mask; i++) {
            if (slots[i * stride] != 0) {
                visitor.visit(i);
            }
        }
    }

    private void grow() {
        long[] oldSlots = slots;
        Object[] oldKeys = keys;
        Object[] oldRecords = records;
        boolean objects = holdsObjects;
        allocate((mask + 1) * 2);
        holdsObjects = objects;
        if (oldKeys != null) {
            keys = new Object[mask + 1];
            records = new Object[mask + 1];
        }
        for (int i = 0; i < oldSlots.length / stride; i++) {
            int oldBase = i * stride;
            if (oldSlots[oldBase] != 0) {
                int hash = (int) (oldSlots[oldBase] >>> 32);
                int j = home(hash);
                while (slots[j * stride] != 0) {
                    j = (j + 1) & mask;
                }
                System.arraycopy(oldSlots, oldBase, slots, j * stride, stride);
                if (objects && oldKeys != null) {
                    keys[j] = oldKeys[i];
                    records[j] = oldRecords[i];
                }
                size++;
            }
        }
    }

    /** The record of {@code slot}; null if it has none. */
    Object record(int slot) {
        return records == null ? null : records[slot];
    }

    long getLong(int slot, int accumulator) {
        return slots[slot * stride + HEADER + accumulator];
    }

    void addLong(int slot, int accumulator, long delta) {
        slots[slot * stride + HEADER + accumulator] += delta;
    }

    void setLong(int slot, int accumulator, long value) {
        slots[slot * stride + HEADER + accumulator] = value;
    }

    void setDouble(int slot, int accumulator, double value) {
        slots[slot * stride + HEADER + accumulator] = Double.doubleToRawLongBits(value);
    }

    /**
     * Heap bytes the table's arrays take (not the keys and records they refer to) once one more key
     * is inserted: twice the present ones if that makes the table grow (the old arrays live on only
     * while the entries move).
     */
    long bytesAfterInsert() {
        long bytes = 8L * slots.length + (keys == null ? 0 : 8L * (keys.length + records.length));
        return size + 1 > (mask + 1) * LOAD_FACTOR ? 2 * bytes : bytes;
    }

    double getDouble(int slot, int accumulator) {
        return Double.longBitsToDouble(slots[slot * stride + HEADER + accumulator]);
    }

    void addDouble(int slot, int accumulator, double delta) {
        int i = slot * stride + HEADER + accumulator;
        slots[i] = Double.doubleToRawLongBits(Double.longBitsToDouble(slots[i]) + delta);
    }

    /** Calls the visitor for every occupied slot, then empties the table (keeping its capacity). */
    void drain(SlotVisitor visitor) {
        forEach(visitor);
        Arrays.fill(slots, 0);
        if (holdsObjects) {
            Arrays.fill(keys, null);
            Arrays.fill(records, null);
            holdsObjects = false;
        }
        size = 0;
    }

    /** Receives occupied slots. */
    @FunctionalInterface
    interface SlotVisitor {
        void visit(int slot);
    }
}
