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
 * and then the table holds no references at all (see {@link #inlineKey}).
 *
 * <p>A table created for Long keys ({@code expectLongKeys}) starts in a compact layout: each slot is
 * the key itself and the accumulators ({@code 1 + accumulators} longs, half the general slot for a
 * sum), 0 marking a free slot, and the key 0 kept in one extra slot after the others. Grouping by a
 * vertex id (PageRank's sums, Connected Components' minima) makes millions of lookups in a table
 * larger than the CPU caches, and a smaller slot misses less. The first key that is not a Long moves
 * every entry to the general layout, and the table carries on there. Single-threaded.
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

    private final int accumulators;
    private final int initialCapacity;
    private final int multiplier = randomMultiplier();
    /** Whether slots are in the compact layout of Long keys (see the class comment). */
    private boolean compact;
    /** Longs in front of a slot's accumulators: 1 (the key) when compact, else {@link #HEADER}. */
    private int header;
    private int stride;
    /** Compact layout: whether the key 0 is in its slot, the one after all others. */
    private boolean zeroKeyPresent;
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
        this(expected, accumulators, false);
    }

    /** A table that starts in the compact layout if {@code expectLongKeys} (see the class comment). */
    AggregationTable(int expected, int accumulators, boolean expectLongKeys) {
        this.accumulators = Math.max(1, accumulators);
        this.initialCapacity = Integer.highestOneBit(Math.max(16, (int) (expected / LOAD_FACTOR)) - 1) << 1;
        layOut(expectLongKeys);
        allocate(initialCapacity);
    }

    /** Chooses the compact layout or the general one (for arrays allocated next). */
    private void layOut(boolean compactLayout) {
        compact = compactLayout;
        header = compact ? 1 : HEADER;
        stride = header + accumulators;
    }

    /** Empty arrays of {@code capacity} slots (and the key 0's slot in the compact layout). */
    private void allocate(int capacity) {
        useSlots(new long[(capacity + (compact ? 1 : 0)) * stride], capacity);
    }

    /** Empties the table into {@code array}, all zeros, of {@code capacity} slots in the present layout. */
    private void useSlots(long[] array, int capacity) {
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        slots = array;
        keys = null;
        records = null;
        size = 0;
        zeroKeyPresent = false;
    }

    int size() {
        return size;
    }

    /**
     * Takes {@code array} (given up by {@link #detach}) as its slots, zeroed, if the table is empty,
     * has no key or record arrays, and the array is larger than its own and fits the present layout
     * (a whole number of slots, a power of two plus the key 0's slot when compact). Returns whether
     * it did.
     */
    boolean adopt(long[] array) {
        if (size != 0 || keys != null || array.length <= slots.length || array.length % stride != 0) {
            return false;
        }
        int capacity = array.length / stride - (compact ? 1 : 0);
        if (Integer.bitCount(capacity) != 1) {
            return false;
        }
        Arrays.fill(array, 0);
        useSlots(array, capacity);
        return true;
    }

    /** Empty arrays of the first capacity in the present layout, if the table is empty and grew. */
    void shrink() {
        if (size == 0 && mask + 1 > initialCapacity) {
            allocate(initialCapacity);
        }
    }

    /** Gives up the slots array (see {@link #adopt}); the table is unusable afterwards. */
    long[] detach() {
        long[] array = slots;
        slots = null;
        keys = null;
        records = null;
        size = 0;
        return array;
    }

    /** The slot of the key, or {@code -(free slot) - 1} if it is absent. */
    int find(Object key) {
        if (compact) {
            if (key instanceof Long l) {
                return findLong(l);
            }
            leaveCompactLayout();
        }
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
     * Reads the slot where {@link #find} starts looking for {@code key} (a Long or an Integer; other
     * keys are not read) and returns it; changes nothing. A caller about to look up a batch of keys
     * touches them all first: loads with nothing in between overlap their cache misses, which a
     * lookup among other work makes one at a time.
     */
    long touch(Object key) {
        if (key instanceof Long l) {
            long k = l;
            if (compact) {
                return k == 0 ? 0 : slots[home(longHash(k)) * stride];
            }
            return slots[home(packedHash(k, 0, LONG_KEY)) * stride];
        }
        if (key instanceof Integer i && !compact) {
            return slots[home(packedHash(i, 0, INT_KEY)) * stride];
        }
        return 0;
    }

    /** {@link #find} in the compact layout. */
    private int findLong(long key) {
        probeLength = LONG_KEY;
        probe0 = key;
        probe1 = 0;
        if (key == 0) {
            return zeroKeyPresent ? zeroKeySlot() : -zeroKeySlot() - 1;
        }
        int hash = longHash(key);
        probeHash = hash;
        int i = home(hash);
        while (true) {
            long k = slots[i * stride];
            if (k == key) {
                return i;
            }
            if (k == 0) {
                return -i - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Compact layout: the slot of the key 0, after all others. */
    private int zeroKeySlot() {
        return mask + 1;
    }

    private static int longHash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
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
        return packedHash(probe0, probe1, probeLength);
    }

    private static int packedHash(long p0, long p1, int lengthCode) {
        long h = p0 * 0x9E3779B97F4A7C15L + p1 * 0xC2B2AE3D27D4EB4FL + lengthCode;
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
            freeSlot = compact && probe0 == 0 ? zeroKeySlot() : firstFreeSlot(probeHash);
        }
        int base = freeSlot * stride;
        if (compact) {
            slots[base] = probe0;
            zeroKeyPresent |= probe0 == 0;
        } else {
            slots[base] = meta(probeHash, probeLength);
            slots[base + 1] = probe0;
            slots[base + 2] = probe1;
        }
        Arrays.fill(slots, base + header, base + stride, 0L);
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

    private int firstFreeSlot(int hash) {
        int i = home(hash);
        while (slots[i * stride] != 0) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The Long or Integer key of {@code slot}, rebuilt from its inline form; null for other keys. */
    Object inlineKey(int slot) {
        int base = slot * stride;
        if (compact) {
            return slots[base];
        }
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
            keys = new Object[slotCount()];
            records = new Object[slotCount()];
        }
        keys[slot] = key;
        records[slot] = record;
        holdsObjects = true;
    }

    /** Slots in the arrays: the capacity, and the key 0's slot in the compact layout. */
    private int slotCount() {
        return mask + 1 + (compact ? 1 : 0);
    }

    /** Calls the visitor for every occupied slot. */
    void forEach(SlotVisitor visitor) {
        for (int i = 0; i <= mask; i++) {
            if (slots[i * stride] != 0) {
                visitor.visit(i);
            }
        }
        if (compact && zeroKeyPresent) {
            visitor.visit(zeroKeySlot());
        }
    }

    private void grow() {
        rebuild((mask + 1) * 2, compact);
    }

    /** Moves every entry from the compact layout to the general one, for a key that is not a Long. */
    private void leaveCompactLayout() {
        rebuild(mask + 1, false);
    }

    /** Moves every entry into new arrays of {@code capacity} slots, in the compact layout or not. */
    private void rebuild(int capacity, boolean toCompact) {
        long[] oldSlots = slots;
        int oldStride = stride;
        int oldHeader = header;
        boolean oldCompact = compact;
        int oldZeroKeySlot = zeroKeySlot();
        boolean zeroKey = zeroKeyPresent;
        Object[] oldKeys = keys;
        Object[] oldRecords = records;
        layOut(toCompact);
        allocate(capacity);
        if (oldKeys != null) {
            keys = new Object[slotCount()];
            records = new Object[slotCount()];
        }
        for (int i = 0; i < oldSlots.length / oldStride; i++) {
            int oldBase = i * oldStride;
            boolean occupied = oldCompact && i == oldZeroKeySlot ? zeroKey : oldSlots[oldBase] != 0;
            if (!occupied) {
                continue;
            }
            int j;
            if (compact) {
                long key = oldSlots[oldBase];
                j = key == 0 ? zeroKeySlot() : firstFreeSlot(longHash(key));
                zeroKeyPresent |= key == 0;
                slots[j * stride] = key;
            } else if (oldCompact) {
                pack(oldSlots[oldBase]);
                int hash = packedHash();
                j = firstFreeSlot(hash);
                slots[j * stride] = meta(hash, probeLength);
                slots[j * stride + 1] = probe0;
                slots[j * stride + 2] = probe1;
            } else {
                j = firstFreeSlot((int) (oldSlots[oldBase] >>> 32));
                System.arraycopy(oldSlots, oldBase, slots, j * stride, HEADER);
            }
            System.arraycopy(oldSlots, oldBase + oldHeader, slots, j * stride + header, accumulators);
            if (oldKeys != null) {
                keys[j] = oldKeys[i];
                records[j] = oldRecords[i];
            }
            size++;
        }
    }

    /** The record of {@code slot}; null if it has none. */
    Object record(int slot) {
        return records == null ? null : records[slot];
    }

    long getLong(int slot, int accumulator) {
        return slots[slot * stride + header + accumulator];
    }

    void addLong(int slot, int accumulator, long delta) {
        slots[slot * stride + header + accumulator] += delta;
    }

    void setLong(int slot, int accumulator, long value) {
        slots[slot * stride + header + accumulator] = value;
    }

    void setDouble(int slot, int accumulator, double value) {
        slots[slot * stride + header + accumulator] = Double.doubleToRawLongBits(value);
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
        return Double.longBitsToDouble(slots[slot * stride + header + accumulator]);
    }

    void addDouble(int slot, int accumulator, double delta) {
        int i = slot * stride + header + accumulator;
        slots[i] = Double.doubleToRawLongBits(Double.longBitsToDouble(slots[i]) + delta);
    }

    /** Calls the visitor for every occupied slot, then empties the table (keeping its capacity). */
    void drain(SlotVisitor visitor) {
        forEach(visitor);
        Arrays.fill(slots, 0);
        zeroKeyPresent = false;
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
