package dev.spindle.runtime.sort;

import dev.spindle.runtime.memory.MemoryAllocationException;
import dev.spindle.runtime.memory.MemoryManager;
import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.memory.SpillFileWriter;
import dev.spindle.runtime.memory.SpillFiles;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Sorts any number of records within a fixed budget of managed memory: records are serialized into
 * a {@link SortBuffer}; each time it is full it is sorted and written to a spill file as a sorted
 * run; at the end the runs are merged (first in extra passes while there are more runs than the
 * fan-in, smallest runs first) and the last merge is read through {@link #finish()}. Input that fits
 * is sorted in memory without touching disk.
 *
 * <p>Lifecycle ({@link State}): {@code COLLECTING} ({@link #add}) -> {@code ITERATING}
 * ({@link #finish()}, then reading its iterator) -> {@code CLOSED} ({@link #close()}, also allowed
 * straight from {@code COLLECTING}). {@code close()} releases the memory and deletes every spill
 * file whatever state the sorter is in, so owners call it in a {@code finally}.
 *
 * <p>Not thread-safe: one thread (the task thread) calls everything. Spilling and merging happen
 * synchronously in {@link #add} and {@link #finish()}.
 */
public final class ExternalSorter<T, K> implements Closeable {

    private static final Logger LOG = LogManager.getLogger(ExternalSorter.class);

    /** COLLECTING -> ITERATING -> CLOSED, or COLLECTING -> CLOSED. */
    public enum State {
        COLLECTING,
        ITERATING,
        CLOSED
    }

    /** Fewest pages a sorter works with: two for the buffer (data and index), one to write runs. */
    public static final int MIN_PAGES = 3;

    private final TypeSerializer<T> serializer;
    private final SortKey<T, K> sortKey;
    private final MemoryManager memoryManager;
    private final List<MemorySegment> pages;
    private final SpillFiles spillFiles;
    private final int maxFanIn;
    private final DataOutputSerializer scratch = new DataOutputSerializer(256);
    private final List<SortedRun> runs = new ArrayList<>();
    private SortBuffer<T, K> buffer;
    private State state = State.COLLECTING;
    private long records;
    private long spilledBytes;
    private int spilledRuns;
    private int mergePasses;

    private ExternalSorter(Builder<T, K> b, List<MemorySegment> pages) {
        this.serializer = b.serializer.duplicate();
        this.sortKey = b.sortKey;
        this.memoryManager = b.memoryManager;
        this.pages = pages;
        this.spillFiles = new SpillFiles(b.tempDirectories, "sort");
        this.maxFanIn = b.maxFanIn;
        // Page 0 stays aside as the write buffer of spill files.
        this.buffer = new SortBuffer<>(serializer, sortKey, pages.subList(1, pages.size()));
    }

    public static <T, K> Builder<T, K> builder(TypeSerializer<T> serializer, SortKey<T, K> sortKey) {
        return new Builder<>(serializer, sortKey);
    }

    /** Adds a record; may spill a sorted run to disk first. */
    public void add(T record) throws IOException {
        checkState(State.COLLECTING);
        long prefix = sortKey.normalize(sortKey.extract(record));
        scratch.clear();
        serializer.serialize(record, scratch);
        records++;
        if (buffer.tryAdd(prefix, scratch.getBuffer(), scratch.length())) {
            return;
        }
        if (!buffer.isEmpty()) {
            spillBuffer();
            if (buffer.tryAdd(prefix, scratch.getBuffer(), scratch.length())) {
                return;
            }
        }
        writeSingleRecordRun(prefix);
    }

    /** Ends the input; returns the records in sorted order. The iterator is valid until {@link #close()}. */
    public RecordIterator<T> finish() throws IOException {
        checkState(State.COLLECTING);
        state = State.ITERATING;
        if (runs.isEmpty()) {
            sortBuffer();
            return whileOpen(buffer.iterator());
        }
        if (!buffer.isEmpty()) {
            spillBuffer();
        }
        buffer = null;
        int finalFanIn = Math.min(maxFanIn, pages.size());
        int passFanIn = Math.min(maxFanIn, pages.size() - 1);
        while (runs.size() > finalFanIn) {
            runs.sort(Comparator.comparingLong(SortedRun::bytes));
            int k = Math.min(passFanIn, runs.size() - finalFanIn + 1);
            List<SortedRun> group = new ArrayList<>(runs.subList(0, k));
            runs.subList(0, k).clear();
            runs.add(mergeIntoRun(group));
            mergePasses++;
        }
        return finalMerge();
    }

    /** Sorts the buffer; a record that cannot be deserialized to compare its key fails with its IOException. */
    private void sortBuffer() throws IOException {
        long start = System.nanoTime();
        try {
            buffer.sort();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        LOG.debug("Sorted {} records ({} MB) in memory in {} ms", buffer.size(), buffer.dataBytes() >> 20,
                (System.nanoTime() - start) / 1_000_000);
    }

    private void spillBuffer() throws IOException {
        sortBuffer();
        SpillFileWriter writer = spillFiles.createWriter(pages.get(0));
        try {
            buffer.writeTo(writer);
        } finally {
            writer.close();
        }
        addRun(writer, buffer.size());
        buffer.clear();
    }

    /** A record larger than the whole buffer becomes a run of its own. */
    private void writeSingleRecordRun(long prefix) throws IOException {
        SpillFileWriter writer = spillFiles.createWriter(pages.get(0));
        try {
            writer.writeLong(prefix);
            writer.writeInt(scratch.length());
            writer.write(scratch.getBuffer(), 0, scratch.length());
        } finally {
            writer.close();
        }
        addRun(writer, 1);
    }

    private void addRun(SpillFileWriter writer, long count) {
        runs.add(new SortedRun(writer.file(), count, writer.bytesWritten()));
        spilledRuns++;
        spilledBytes += writer.bytesWritten();
    }

    /** Merges {@code group} into one new run, reading each through a page and writing through the next. */
    private SortedRun mergeIntoRun(List<SortedRun> group) throws IOException {
        List<RunReader<T, K>> readers = openReaders(group);
        SpillFileWriter writer = spillFiles.createWriter(pages.get(group.size()));
        try {
            MergeIterator<T, K> merge = new MergeIterator<>(readers, sortKey);
            while (merge.copyNextTo(writer)) {
                // copied
            }
        } finally {
            writer.close();
        }
        long count = 0;
        for (SortedRun run : group) {
            count += run.records();
            spillFiles.delete(run.file());
        }
        spilledBytes += writer.bytesWritten();
        return new SortedRun(writer.file(), count, writer.bytesWritten());
    }

    private RecordIterator<T> finalMerge() throws IOException {
        List<SortedRun> finalRuns = List.copyOf(runs);
        MergeIterator<T, K> merge = new MergeIterator<>(openReaders(finalRuns), sortKey);
        return whileOpen(() -> {
            T next = merge.next();
            if (next == null) {
                for (SortedRun run : finalRuns) {
                    spillFiles.delete(run.file());
                }
            }
            return next;
        });
    }

    private List<RunReader<T, K>> openReaders(List<SortedRun> group) throws IOException {
        List<RunReader<T, K>> readers = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            SortedRun run = group.get(i);
            readers.add(new RunReader<>(spillFiles.openReader(run.file(), pages.get(i)), run.records(),
                    serializer, sortKey));
        }
        return readers;
    }

    /** Guards an iterator over pages or files that {@link #close()} gives back. */
    private RecordIterator<T> whileOpen(RecordIterator<T> iterator) {
        return () -> {
            if (state == State.CLOSED) {
                throw new IllegalStateException("The sorter was closed; its result can no longer be read");
            }
            return iterator.next();
        };
    }

    private void checkState(State expected) {
        if (state != expected) {
            throw new IllegalStateException("Sorter is " + state + ", expected " + expected);
        }
    }

    /** Releases the memory and deletes all spill files; idempotent, and safe after any failure. */
    @Override
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        buffer = null;
        try {
            spillFiles.close();
        } finally {
            memoryManager.release(pages);
        }
    }

    public State state() {
        return state;
    }

    /** Records added so far. */
    public long records() {
        return records;
    }

    /** Sorted runs written because the memory was full (not counting runs written by merge passes). */
    public int spilledRuns() {
        return spilledRuns;
    }

    /** Bytes written to spill files, by spilling and by merge passes. */
    public long spilledBytes() {
        return spilledBytes;
    }

    /** Merges performed before the final one (0 when all runs fit into one merge). */
    public int mergePasses() {
        return mergePasses;
    }

    /** Spill files that exist right now. */
    public int liveSpillFiles() {
        return spillFiles.liveFiles();
    }

    /** Collects what a sorter needs; {@link #build()} takes its memory. */
    public static final class Builder<T, K> {

        private final TypeSerializer<T> serializer;
        private final SortKey<T, K> sortKey;
        private MemoryManager memoryManager;
        private Object owner;
        private int numPages;
        private List<MemorySegment> preallocated;
        private File[] tempDirectories;
        private int maxFanIn = SortOptions.MAX_FAN_IN.defaultValue();

        private Builder(TypeSerializer<T> serializer, SortKey<T, K> sortKey) {
            this.serializer = Objects.requireNonNull(serializer);
            this.sortKey = Objects.requireNonNull(sortKey);
        }

        /** Takes {@code numPages} pages (at least {@link #MIN_PAGES}) from {@code manager} for {@code owner}. */
        public Builder<T, K> memory(MemoryManager manager, Object owner, int numPages) {
            this.memoryManager = Objects.requireNonNull(manager);
            this.owner = Objects.requireNonNull(owner);
            this.numPages = numPages;
            this.preallocated = null;
            return this;
        }

        /** Uses {@code pages}, already allocated from {@code manager}; the sorter releases them on close. */
        public Builder<T, K> memory(MemoryManager manager, List<MemorySegment> pages) {
            this.memoryManager = Objects.requireNonNull(manager);
            this.preallocated = List.copyOf(pages);
            this.numPages = pages.size();
            return this;
        }

        /** Directories for spill files, used in turn. */
        public Builder<T, K> tempDirectories(File... directories) {
            this.tempDirectories = directories.clone();
            return this;
        }

        /** Most runs merged at once (at least 2); {@link SortOptions#MAX_FAN_IN} by default. */
        public Builder<T, K> maxFanIn(int maxFanIn) {
            if (maxFanIn < 2) {
                throw new IllegalArgumentException("The merge fan-in must be at least 2, got " + maxFanIn);
            }
            this.maxFanIn = maxFanIn;
            return this;
        }

        public ExternalSorter<T, K> build() throws MemoryAllocationException {
            if (memoryManager == null || tempDirectories == null) {
                throw new IllegalStateException("A sorter needs memory and temporary directories");
            }
            if (numPages < MIN_PAGES) {
                if (preallocated != null) {
                    memoryManager.release(preallocated);
                }
                throw new IllegalArgumentException("A sorter needs at least " + MIN_PAGES + " pages of managed memory, "
                        + "got " + numPages);
            }
            List<MemorySegment> pages = preallocated != null ? preallocated
                    : memoryManager.allocatePages(owner, numPages);
            try {
                return new ExternalSorter<>(this, pages);
            } catch (RuntimeException e) {
                memoryManager.release(pages);
                throw e;
            }
        }
    }
}
