package dev.spindle.runtime.iteration;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.operators.join.PagePool;
import dev.spindle.runtime.operators.join.RecordPages;
import dev.spindle.runtime.serialization.DataInputDeserializer;
import dev.spindle.runtime.serialization.DataInputView;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.DataOutputView;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.KeyHashing;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The solution set of one subtask of a delta iteration: the one current record per key, kept
 * serialized in a fixed set of managed-memory pages that it never exceeds, index included.
 * {@link #upsert} inserts a record or replaces the record with an equal key; {@link #get} finds a
 * record by key. Keys are equal by {@link Objects#deepEquals} and hash by
 * {@link KeyHashing#stableHash}, as in the join's tables; a record may not have a {@code null} key.
 *
 * <p>Layout: records are appended to a record area, each as: next record of its bucket chain (8
 * bytes, address + 1, 0 ends the chain), key hash (4), length (4, the top bit set once the record
 * was replaced), the serialized record, which may span pages. The index is an array of chain heads
 * in pages too, about one key per bucket; it is rebuilt with at least twice the buckets as keys are
 * added, while free pages allow. A replacement of the same serialized size overwrites the record in place;
 * any other appends the new version and unlinks the old one, which stays behind as garbage. When the
 * record area needs another page and garbage makes up half of it, or no page is left, the live
 * records are moved together (compaction) and the index rebuilt; if the record still does not fit,
 * an index larger than needed is shrunk; if it still does not fit, {@link #upsert} throws a
 * {@link SolutionSetFullException} and the table holds the same records as before.
 *
 * <p>Lifecycle: created empty over pages its owner allocated (or filled with {@link #readFrom});
 * {@link #upsert}ed, read with {@link #get} and {@link #forEach}, and snapshot with
 * {@link #writeTo} any number of times; then {@link #close}d, which drops the table's references to
 * the pages but does not release them: the owner does.
 *
 * <p>Threading: one thread at a time, without locks. The thread that writes (the iteration head,
 * between supersteps) and the one that reads (a join task, during a superstep) differ, so the owner
 * must hand the table over from one to the other with a happens-before edge (a superstep barrier,
 * a blocking queue, a volatile write and read). The table reuses buffers, so also {@link #get} must
 * never run on two threads at once.
 */
public final class SolutionSetTable<T> implements Closeable {

    /** Receives records of the table. */
    @FunctionalInterface
    public interface RecordVisitor<T> {
        void accept(T record) throws Exception;
    }

    private static final int NEXT = 0;
    private static final int HASH = 8;
    private static final int LENGTH = 12;
    private static final int HEADER_BYTES = 16;
    private static final int REPLACED = 0x80000000;
    private static final int MAX_BUCKETS = 1 << 30;
    private static final byte[] NO_BYTES = new byte[0];

    private final TypeSerializer<T> serializer;
    private final KeySelector<T, ?> keySelector;
    private final String settingHint;
    private final PagePool pool;
    private final RecordPages records;
    private final RecordPages index;
    /** The smallest index: one page. */
    private final int minBuckets;
    private final DataOutputSerializer writeBuffer = new DataOutputSerializer(256);
    private final DataInputDeserializer reader = new DataInputDeserializer();
    /** Holds a record that spans pages while it is read. */
    private byte[] scratch = new byte[256];
    private int buckets;
    /** The bucket of a key hash h is {@code mix(h) >>> bucketShift}. */
    private int bucketShift;
    private long keys;
    /** Bytes of replaced records not yet compacted away. */
    private long garbage;
    /** Where {@link #locate} found a record, and the record before it in its chain (-1: the chain's head). */
    private long foundAddress;
    private long previousAddress;
    private boolean visiting;
    private boolean closed;
    /** What batches of upserts touched: kept, so that the reads are not optimized away. */
    private long touched;

    /**
     * @param pages the managed-memory pages the table may use (index included), at least two; it never takes more
     * @param settingHint the end of the "full" error, e.g. "raise taskmanager.memory.managed.size"
     */
    public SolutionSetTable(TypeSerializer<T> serializer, KeySelector<T, ?> key, List<MemorySegment> pages,
            String settingHint) {
        if (pages.size() < 2) {
            throw new IllegalArgumentException("A solution set needs at least 2 pages (one for its index), got "
                    + pages.size());
        }
        this.serializer = serializer.duplicate();
        this.keySelector = key;
        this.settingHint = settingHint;
        this.pool = new PagePool(pages);
        this.records = new RecordPages(pool);
        this.index = new RecordPages(pool);
        this.minBuckets = pool.pageSize() / 8;
        rebuildIndex(minBuckets);
    }

    /** Inserts {@code record}, or replaces the record with an equal key. */
    public void upsert(T record) throws IOException {
        checkWritable();
        Object key = keyOf(record);
        if (key == null) {
            throw new IllegalArgumentException("A solution set record has a null key");
        }
        writeBuffer.clear();
        serializer.serialize(record, writeBuffer);
        put(KeyHashing.stableHash(key), key, writeBuffer.getBuffer(), writeBuffer.length());
    }

    /** A buffer that {@link #upsert}s records into this table a batch at a time (see {@link Upserts}). */
    public Upserts upserts() {
        return new Upserts();
    }

    /**
     * Records to {@link #upsert}, buffered and upserted a batch at a time, in their order, after
     * {@link #touch}ing the key of each. Applying 450K changes to a solution set of 500K records (the
     * heads of Connected Components) took a third less time than upserting them one by one.
     */
    public final class Upserts {
        private final Object[] batch = new Object[64];
        private int count;

        /** Upserts {@code record} now or with the next batch. */
        public void add(T record) throws IOException {
            batch[count++] = record;
            if (count == batch.length) {
                flush();
            }
        }

        /** Upserts the records buffered so far. */
        @SuppressWarnings("unchecked")
        public void flush() throws IOException {
            long read = 0;
            for (int i = 0; i < count; i++) {
                read += touch(keyOf((T) batch[i]));
            }
            touched += read;
            for (int i = 0; i < count; i++) {
                T record = (T) batch[i];
                batch[i] = null;
                upsert(record);
            }
            count = 0;
        }
    }

    /**
     * Reads the index slot of {@code key} and the header of the first record in its chain, changing
     * nothing, and returns what it read. A caller about to look up a batch of keys touches them all
     * first: a lookup makes two cache misses in a table larger than the caches, and loads with
     * nothing in between overlap theirs, where lookups among other work wait for each one in turn.
     */
    public long touch(Object key) {
        if (key == null) {
            return 0;
        }
        long head = index.getLong(slot(KeyHashing.stableHash(key)));
        return head == 0 ? 0 : head + records.getInt(head - 1 + HASH);
    }

    /** The record with {@code key}, as a new object, or {@code null}. */
    public T get(Object key) throws IOException {
        checkOpen();
        return key == null ? null : locate(KeyHashing.stableHash(key), key);
    }

    /** The number of keys (and records). */
    public long size() {
        return keys;
    }

    /** Hands every record to {@code visitor} once, in no particular order; the visitor may not change the table. */
    public void forEach(RecordVisitor<T> visitor) throws Exception {
        checkOpen();
        visiting = true;
        try {
            for (long address = 0; address < records.size(); address = following(address)) {
                if (isLive(address)) {
                    visitor.accept(read(address));
                }
            }
        } finally {
            visiting = false;
        }
    }

    /** Writes a snapshot: the number of records, then each as its length and serialized bytes. */
    public void writeTo(DataOutputView out) throws IOException {
        checkOpen();
        out.writeLong(keys);
        for (long address = 0; address < records.size(); address = following(address)) {
            if (isLive(address)) {
                int length = lengthAt(address);
                out.writeInt(length);
                out.write(copy(address + HEADER_BYTES, length), 0, length);
            }
        }
    }

    /**
     * Restores a snapshot of {@link #writeTo} into this table, which must be empty. On failure (a
     * truncated or corrupt snapshot, too little memory) the table is left empty.
     */
    public void readFrom(DataInputView in) throws IOException {
        checkWritable();
        if (keys > 0) {
            throw new IllegalStateException("A solution set snapshot is restored into an empty table, this one holds "
                    + keys + " keys");
        }
        try {
            restore(in);
        } catch (IOException | RuntimeException e) {
            clear();
            throw e;
        }
    }

    /** Bytes of the pages in use: records (replaced ones not yet compacted away included) and index. */
    public long bytesInUse() {
        return records.size() + index.size();
    }

    /** Pages in use, of those the table was given. */
    public int pages() {
        return records.pageCount() + index.pageCount();
    }

    /** Buckets of the index (for tests). */
    int buckets() {
        return buckets;
    }

    /** Drops the table's references to its pages; does not release them (the owner does). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        records.clear();
        index.clear();
        reader.setBuffer(NO_BYTES, 0, 0);
        keys = 0;
        garbage = 0;
    }

    /** Stores the serialized record {@code bytes} under {@code key}, replacing the record with that key. */
    private void put(int hash, Object key, byte[] bytes, int length) throws IOException {
        boolean replacing = locate(hash, key) != null;
        if (replacing && lengthAt(foundAddress) == length) {
            // The common case of fixed-size records (Connected Components' ids): no garbage.
            records.put(foundAddress + HEADER_BYTES, bytes, 0, length);
            return;
        }
        long footprint = HEADER_BYTES + (long) length;
        if (makeRoom(footprint, replacing)) {
            locate(hash, key);
        }
        long address = records.allocate(footprint);
        records.putInt(address + HASH, hash);
        records.putInt(address + LENGTH, length);
        records.put(address + HEADER_BYTES, bytes, 0, length);
        if (replacing) {
            records.putLong(address + NEXT, records.getLong(foundAddress + NEXT));
            link(previousAddress, hash, address);
            garbage += HEADER_BYTES + (long) lengthAt(foundAddress);
            records.putInt(foundAddress + LENGTH, lengthAt(foundAddress) | REPLACED);
        } else {
            records.putLong(address + NEXT, index.getLong(slot(hash)));
            link(-1, hash, address);
            keys++;
            growIndexIfDue();
        }
    }

    /**
     * The record with {@code key} (of hash {@code hash}), or {@code null}; sets {@link #foundAddress}
     * and {@link #previousAddress} when found.
     */
    private T locate(int hash, Object key) throws IOException {
        long previous = -1;
        long next = index.getLong(slot(hash));
        while (next != 0) {
            long address = next - 1;
            if (records.getInt(address + HASH) == hash) {
                T record = read(address);
                if (Objects.deepEquals(keyOf(record), key)) {
                    foundAddress = address;
                    previousAddress = previous;
                    return record;
                }
            }
            previous = address;
            next = records.getLong(address + NEXT);
        }
        return null;
    }

    /** Makes {@code address} the successor of the record at {@code previous}, or the head of its chain if -1. */
    private void link(long previous, int hash, long address) {
        if (previous < 0) {
            index.putLong(slot(hash), address + 1);
        } else {
            records.putLong(previous + NEXT, address + 1);
        }
    }

    /**
     * Makes sure {@code bytes} more fit into the record area: compacts, then shrinks the index, if
     * needed; returns whether that moved records or changed chains.
     *
     * @throws SolutionSetFullException if they do not fit even so; the table holds the same records
     */
    private boolean makeRoom(long bytes, boolean replacing) throws SolutionSetFullException {
        if (records.pagesAfter(bytes) == records.pageCount()) {
            return false;
        }
        boolean moved = false;
        if (garbage > 0 && (2 * garbage >= records.size() || !fits(bytes))) {
            compact();
            moved = true;
        }
        long keysAfter = keys + (replacing ? 0 : 1);
        if (!fits(bytes) && buckets > fewestBuckets(keysAfter)) {
            rebuildIndex(fewestBuckets(keysAfter));
            moved = true;
        }
        if (!fits(bytes)) {
            throw new SolutionSetFullException("The solution set does not fit into its managed memory ("
                    + memoryText(capacity()) + " for " + keysAfter + " keys); "
                    + settingHint);
        }
        return moved;
    }

    private boolean fits(long bytes) {
        return records.pagesAfter(bytes) - records.pageCount() <= pool.free();
    }

    /** Bytes of all pages the table was given. */
    private long capacity() {
        return (long) pool.total() * pool.pageSize();
    }

    private static String memoryText(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }

    /** Moves the live records to the start of the record area, gives the pages freed back and rebuilds the index. */
    private void compact() {
        long to = 0;
        for (long from = 0; from < records.size(); ) {
            long footprint = HEADER_BYTES + (long) lengthAt(from);
            if (isLive(from)) {
                if (to != from) {
                    records.move(from, to, footprint);
                }
                to += footprint;
            }
            from += footprint;
        }
        records.truncate(to);
        garbage = 0;
        rebuildIndex(buckets);
    }

    /**
     * Doubles the index (or more) once there are more keys than buckets, if free pages allow: it
     * takes at most half of them, so that index and records do not pass pages back and forth.
     */
    private void growIndexIfDue() {
        if (keys <= buckets) {
            return;
        }
        for (int target = (int) Math.min(MAX_BUCKETS, 2L * fewestBuckets(keys)); target > buckets; target >>>= 1) {
            int extra = pool.pagesFor(8L * target) - index.pageCount();
            if (2L * extra <= pool.free()) {
                rebuildIndex(target);
                return;
            }
        }
    }

    /** The smallest index with at most two keys per bucket: a power of two, at least one page. */
    private int fewestBuckets(long keys) {
        return Math.max(minBuckets, Integer.highestOneBit((int) Math.min(keys, MAX_BUCKETS)));
    }

    /** Replaces the index by one of {@code newBuckets} buckets and chains every live record into it. */
    private void rebuildIndex(int newBuckets) {
        index.clear();
        if (index.allocate(8L * newBuckets) < 0) {
            throw new IllegalStateException("No pages for a solution set index of " + newBuckets + " buckets");
        }
        index.zero(0, 8L * newBuckets);
        buckets = newBuckets;
        bucketShift = 32 - Integer.numberOfTrailingZeros(newBuckets);
        for (long address = 0; address < records.size(); address = following(address)) {
            if (isLive(address)) {
                int hash = records.getInt(address + HASH);
                records.putLong(address + NEXT, index.getLong(slot(hash)));
                link(-1, hash, address);
            }
        }
    }

    /**
     * The index slot of a key hash. The shuffle sent this subtask its keys by the low bits (a
     * modulo) of the same {@link KeyHashing#mix}, so buckets take its high bits, which still vary.
     */
    private long slot(int hash) {
        return 8L * (KeyHashing.mix(hash) >>> bucketShift);
    }

    private int lengthAt(long address) {
        return records.getInt(address + LENGTH) & ~REPLACED;
    }

    private boolean isLive(long address) {
        return (records.getInt(address + LENGTH) & REPLACED) == 0;
    }

    /** The address of the record after the one at {@code address} in the record area. */
    private long following(long address) {
        return address + HEADER_BYTES + lengthAt(address);
    }

    private T read(long address) throws IOException {
        int length = lengthAt(address);
        long payload = address + HEADER_BYTES;
        if (records.isContiguous(payload, length)) {
            reader.setBuffer(records.array(payload), records.offsetOf(payload), length);
        } else {
            reader.setBuffer(copy(payload, length), 0, length);
        }
        return serializer.deserialize(reader);
    }

    /** {@code length} bytes at {@code address}, copied into the scratch buffer. */
    private byte[] copy(long address, int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        records.get(address, scratch, 0, length);
        return scratch;
    }

    private Object keyOf(T record) throws IOException {
        try {
            return keySelector.getKey(record);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("The key selector of the solution set failed", e);
        }
    }

    private void restore(DataInputView in) throws IOException {
        long count = -1;
        long restored = 0;
        try {
            count = in.readLong();
            if (count < 0) {
                throw corrupt("it claims " + count + " records");
            }
            byte[] bytes = new byte[256];
            for (; restored < count; restored++) {
                int length = in.readInt();
                if (length < 0 || length > capacity()) {
                    throw corrupt("record " + (restored + 1) + " of " + count + " claims " + length
                            + " bytes, and the table has " + memoryText(capacity()) + " in all");
                }
                bytes = length > bytes.length ? new byte[Math.max(length, 2 * bytes.length)] : bytes;
                in.readFully(bytes, 0, length);
                restoreRecord(bytes, length, restored, count);
            }
        } catch (EOFException e) {
            throw new IOException("The solution set snapshot is truncated: it ends "
                    + (count < 0 ? "before its record count" : "in record " + (restored + 1) + " of " + count), e);
        }
        if (keys != count) {
            throw corrupt("its " + count + " records have only " + keys + " distinct keys");
        }
    }

    private void restoreRecord(byte[] bytes, int length, long number, long count) throws IOException {
        T record;
        try {
            reader.setBuffer(bytes, 0, length);
            record = serializer.deserialize(reader);
        } catch (IOException | RuntimeException e) {
            throw new IOException("The solution set snapshot is corrupt: record " + (number + 1) + " of " + count
                    + " does not deserialize", e);
        }
        if (reader.available() != 0) {
            throw corrupt("record " + (number + 1) + " of " + count + " has " + reader.available() + " bytes left over");
        }
        Object key = keyOf(record);
        if (key == null) {
            throw corrupt("record " + (number + 1) + " of " + count + " has a null key");
        }
        put(KeyHashing.stableHash(key), key, bytes, length);
    }

    private static IOException corrupt(String detail) {
        return new IOException("The solution set snapshot is corrupt: " + detail);
    }

    /** Empties the table; its pages stay with it. */
    private void clear() {
        records.clear();
        keys = 0;
        garbage = 0;
        rebuildIndex(minBuckets);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The solution set table was closed");
        }
    }

    private void checkWritable() {
        checkOpen();
        if (visiting) {
            throw new IllegalStateException("The solution set cannot change while forEach visits it");
        }
    }
}
