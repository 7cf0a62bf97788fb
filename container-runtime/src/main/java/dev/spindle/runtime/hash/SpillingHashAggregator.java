package dev.spindle.runtime.hash;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.runtime.memory.MemoryAllocationException;
import dev.spindle.runtime.memory.MemoryManager;
import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.KeyHashing;
import dev.spindle.runtime.sort.ExternalSorter;
import dev.spindle.runtime.sort.RecordIterator;
import dev.spindle.runtime.sort.SortKeys;
import dev.spindle.runtime.sort.SortOptions;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Aggregates records with equal keys (a grouped reduce, tuple field aggregations: anything a
 * {@link HashAggregateTable} does) within a share of managed memory, however many keys there are.
 * Aggregates live in the table as Java objects whose estimated size is kept within
 * {@link MemoryManager#reservePages reserved} pages: an entry counts as twice the serialized size
 * of the record that started it plus a per-entry overhead, where the serialized size is the running
 * average of a sample (the first entries, then one in {@link #SAMPLE_EVERY}), so that input that fits
 * is aggregated without serializing every new key. The table's own arrays count too, and are all
 * that counts for a table whose entries keep no records ({@link HashAggregateTable#keepsRecords}).
 * When the table is full, its partial aggregates go into an {@link ExternalSorter} ordered by key
 * hash, and the table starts over. At the end, without a spill, the table is emitted as it is;
 * otherwise it joins the sorter too, and the sorted partials go through the table once more:
 * partials with one hash are adjacent, the table combines them by key equality, and it is emitted
 * and emptied between two hashes whenever it is full. Keys therefore need {@code equals} and
 * {@code hashCode}, not an order. The size estimate ignores aggregates that grow (a reduce that
 * concatenates), so such aggregates may exceed the share.
 *
 * <p>Memory: the whole share is reserved for the table until the first spill; then half of it (at
 * least {@link ExternalSorter#MIN_PAGES}) goes to the sorter and the table keeps the rest.
 *
 * <p>Lifecycle: {@code add}* -> {@link #finish} -> {@link #close()}; {@code close()} may come at any
 * time, also after a failure, and releases memory and spill files. One thread calls everything.
 * Records handed to {@link #add} are kept, so callers must not reuse record objects.
 */
public final class SpillingHashAggregator<T, K> implements Closeable {

    /** The fewest pages an aggregator works with: its table's and its sorter's minimum. */
    public static final int MIN_PAGES = 2 * ExternalSorter.MIN_PAGES;

    /** Estimated heap bytes of a table entry beyond twice its serialized size (map node, boxes, headers). */
    private static final int ENTRY_OVERHEAD = 64;
    /** New entries whose record is serialized to learn the average size, before sampling thins out. */
    private static final int FULL_SAMPLE = 64;
    /** After the first {@link #FULL_SAMPLE} entries, one new entry in this many is sampled. */
    static final int SAMPLE_EVERY = 16;

    private final TypeSerializer<T> serializer;
    private final KeySelector<T, K> keySelector;
    private final HashAggregateTable<T> table;
    private final MemoryManager memoryManager;
    private final Object owner;
    private final int pages;
    private final File[] tempDirectories;
    private final int maxFanIn;
    private final DataOutputSerializer scratch = new DataOutputSerializer(256);
    private int reservedPages;
    private long tableLimitBytes;
    /** Estimated bytes of the records the table keeps (see {@link #tableBytes}). */
    private long recordBytes;
    private long newEntries;
    private long sampledEntries;
    private long sampledBytes;
    private ExternalSorter<T, K> sorter;
    private int spills;
    private boolean finished;
    private boolean closed;

    private SpillingHashAggregator(Builder<T, K> b) throws MemoryAllocationException {
        this.serializer = b.serializer.duplicate();
        this.keySelector = b.keySelector;
        this.table = b.table;
        this.memoryManager = b.memoryManager;
        this.owner = b.owner;
        this.pages = b.pages;
        this.tempDirectories = b.tempDirectories;
        this.maxFanIn = b.maxFanIn;
        memoryManager.reservePages(owner, pages);
        this.reservedPages = pages;
        this.tableLimitBytes = (long) pages * memoryManager.pageSize();
    }

    /** An aggregator that reduces records of one key with {@code reducer}. */
    public static <T, K> Builder<T, K> builder(TypeSerializer<T> serializer, KeySelector<T, K> keySelector,
            ReduceFunction<T> reducer) {
        Objects.requireNonNull(reducer);
        return new Builder<>(serializer, keySelector, new ReducingHashTable<>(keySelector, reducer));
    }

    /**
     * An aggregator around {@code table}, which must group by {@code keySelector}'s key. The table
     * must be empty and is used by the aggregator alone from now on.
     */
    public static <T, K> Builder<T, K> builder(TypeSerializer<T> serializer, KeySelector<T, K> keySelector,
            HashAggregateTable<T> table) {
        return new Builder<>(serializer, keySelector, table);
    }

    /** Folds {@code record} into the aggregate of its key; may spill the table first. */
    public void add(T record) throws Exception {
        if (finished || closed) {
            throw new IllegalStateException("The aggregator no longer takes records");
        }
        if (table.update(record)) {
            return;
        }
        long size = table.keepsRecords() ? estimateSize(record) : 0;
        if (tableBytes() + size > tableLimitBytes && table.size() > 0) {
            spillTable();
        }
        table.insert(record);
        recordBytes += size;
    }

    /**
     * The table's estimated heap bytes once one more key is inserted: its arrays (which may grow) and
     * its records. Records count only while the table keeps them; a table that starts keeping them
     * (one giving up entries without records) counts the average estimate for each entry it has.
     * Spilling rather than growing past the limit keeps the arrays within it.
     */
    private long tableBytes() throws IOException {
        long arrays = table.arrayBytesAfterInsert();
        if (!table.keepsRecords()) {
            return arrays;
        }
        if (recordBytes == 0 && table.size() > 0 && sampledEntries > 0) {
            recordBytes = table.size() * (ENTRY_OVERHEAD + 2L * sampledBytes / sampledEntries);
        }
        return arrays + recordBytes;
    }

    /** The estimated heap size of a new entry, from the average serialized size of sampled records. */
    private long estimateSize(T record) throws IOException {
        if (newEntries < FULL_SAMPLE || newEntries % SAMPLE_EVERY == 0) {
            scratch.clear();
            serializer.serialize(record, scratch);
            sampledEntries++;
            sampledBytes += scratch.length();
        }
        newEntries++;
        return ENTRY_OVERHEAD + 2L * sampledBytes / sampledEntries;
    }

    /** Moves every aggregate of the table into the sorter (created on the first spill). */
    private void spillTable() throws Exception {
        if (sorter == null) {
            sorter = createSorter();
        }
        ExternalSorter<T, K> target = sorter;
        try {
            table.drain(aggregate -> {
                try {
                    target.add(aggregate);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        recordBytes = 0;
        spills++;
    }

    private ExternalSorter<T, K> createSorter() throws MemoryAllocationException {
        int sorterPages = Math.max(ExternalSorter.MIN_PAGES, pages / 2);
        List<MemorySegment> sorterMemory = memoryManager.allocateReservedPages(owner, sorterPages);
        reservedPages -= sorterPages;
        tableLimitBytes = (long) reservedPages * memoryManager.pageSize();
        return ExternalSorter.builder(serializer, SortKeys.byKeyHash(keySelector))
                .memory(memoryManager, sorterMemory)
                .tempDirectories(tempDirectories)
                .maxFanIn(maxFanIn)
                .build();
    }

    /** Emits one aggregate per key. */
    public void finish(Collector<T> out) throws Exception {
        if (finished || closed) {
            throw new IllegalStateException("The aggregator was already finished");
        }
        finished = true;
        if (sorter == null) {
            table.drain(out);
            return;
        }
        spillTable();
        RecordIterator<T> sorted = sorter.finish();
        int currentHash = 0;
        recordBytes = 0;
        for (T partial = sorted.next(); partial != null; partial = sorted.next()) {
            int hash = KeyHashing.stableHash(keySelector.getKey(partial));
            // Keys of one hash are adjacent, so the table may be emptied between two hashes; it is,
            // once it is full (emptying it per hash would cost its whole capacity per key).
            if (hash != currentHash && tableBytes() >= tableLimitBytes) {
                table.drain(out);
                recordBytes = 0;
            }
            currentHash = hash;
            if (!table.update(partial)) {
                long size = table.keepsRecords() ? estimateSize(partial) : 0;
                table.insert(partial);
                recordBytes += size;
            }
        }
        table.drain(out);
    }

    /** How often the table was spilled into the sorter. */
    public int spills() {
        return spills;
    }

    /** Sorted runs the sorter wrote to disk (0 when everything fit). */
    public int spilledRuns() {
        return sorter == null ? 0 : sorter.spilledRuns();
    }

    /** Releases the reservation, the sorter's memory and all spill files; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (sorter != null) {
                sorter.close();
            }
        } finally {
            memoryManager.releaseReservedPages(owner, reservedPages);
            reservedPages = 0;
        }
    }

    /** Collects what an aggregator needs; {@link #build()} reserves its memory. */
    public static final class Builder<T, K> {

        private final TypeSerializer<T> serializer;
        private final KeySelector<T, K> keySelector;
        private final HashAggregateTable<T> table;
        private MemoryManager memoryManager;
        private Object owner;
        private int pages;
        private File[] tempDirectories;
        private int maxFanIn = SortOptions.MAX_FAN_IN.defaultValue();

        private Builder(TypeSerializer<T> serializer, KeySelector<T, K> keySelector, HashAggregateTable<T> table) {
            this.serializer = Objects.requireNonNull(serializer);
            this.keySelector = Objects.requireNonNull(keySelector);
            this.table = Objects.requireNonNull(table);
        }

        /** The share of managed memory: {@code pages} pages of {@code manager} for {@code owner}. */
        public Builder<T, K> memory(MemoryManager manager, Object owner, int pages) {
            this.memoryManager = Objects.requireNonNull(manager);
            this.owner = Objects.requireNonNull(owner);
            this.pages = pages;
            return this;
        }

        public Builder<T, K> tempDirectories(File... directories) {
            this.tempDirectories = directories.clone();
            return this;
        }

        public Builder<T, K> maxFanIn(int maxFanIn) {
            this.maxFanIn = maxFanIn;
            return this;
        }

        public SpillingHashAggregator<T, K> build() throws MemoryAllocationException {
            if (memoryManager == null || tempDirectories == null) {
                throw new IllegalStateException("An aggregator needs memory and temporary directories");
            }
            if (pages < MIN_PAGES) {
                throw new IllegalArgumentException("An aggregator needs at least " + MIN_PAGES
                        + " pages of managed memory, got " + pages);
            }
            return new SpillingHashAggregator<>(this);
        }
    }
}
