package dev.spindle.runtime.hash;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.runtime.memory.MemoryAllocationException;
import dev.spindle.runtime.memory.MemoryManager;
import dev.spindle.runtime.memory.MemorySegment;
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
 * Aggregates live in the table as Java objects whose {@link TableMemoryEstimate estimated size} is
 * kept within {@link MemoryManager#reservePages reserved} pages. When the table is full, its
 * partial aggregates go into an {@link ExternalSorter} ordered by key hash, and the table starts
 * over. At the end, without a spill, the table is emitted as it is; otherwise it joins the sorter
 * too, and the sorted partials go through the table once more: partials with one hash are adjacent,
 * the table combines them by key equality, and it is emitted and emptied between two hashes
 * whenever it is full. Keys therefore need {@code equals} and {@code hashCode}, not an order.
 * Aggregates that grow (a reduce that concatenates) may exceed the share.
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

    private final TypeSerializer<T> serializer;
    private final KeySelector<T, K> keySelector;
    private final HashAggregateTable<T> table;
    private final MemoryManager memoryManager;
    private final Object owner;
    private final int pages;
    private final File[] tempDirectories;
    private final int maxFanIn;
    private final TableMemoryEstimate<T> estimate;
    private int reservedPages;
    private long tableLimitBytes;
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
        this.estimate = new TableMemoryEstimate<>(table, serializer);
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
        long size = estimate.entryBytes(record);
        if (estimate.outgrows(size, tableLimitBytes)) {
            spillTable();
        }
        table.insert(record);
        estimate.inserted(size);
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
        estimate.emptied();
        if (estimate.bytesAfterInsert() > tableLimitBytes) {
            // The first spill gave half of the memory to the sorter: arrays that grew within all of
            // it would make every new key spill the table again.
            table.shrink();
        }
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
        estimate.emptied();
        for (T partial = sorted.next(); partial != null; partial = sorted.next()) {
            int hash = KeyHashing.stableHash(keySelector.getKey(partial));
            // Keys of one hash are adjacent, so the table may be emptied between two hashes; it is,
            // once it is full (emptying it per hash would cost its whole capacity per key).
            if (hash != currentHash && estimate.bytesAfterInsert() >= tableLimitBytes) {
                table.drain(out);
                estimate.emptied();
            }
            currentHash = hash;
            if (!table.update(partial)) {
                long size = estimate.entryBytes(partial);
                table.insert(partial);
                estimate.inserted(size);
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
