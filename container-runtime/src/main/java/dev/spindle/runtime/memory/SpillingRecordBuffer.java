package dev.spindle.runtime.memory;

import dev.spindle.runtime.serialization.DataInputDeserializer;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.RecordIterator;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A record list for reading again and again: records are kept serialized in managed-memory pages
 * while they fit; the records after that go, in order, to one spill file. Every
 * {@link #iterator()} reads the memory part and then the file from its start.
 *
 * <p>Lifecycle: {@link #add}* -> {@link #finishWriting()} -> {@link #iterator()}* ->
 * {@link #close()}; {@code close()} may come at any time, also after a failure, and deletes the
 * spill file. The pages belong to the caller, which gives them back after {@code close()}. One
 * page serves as the file's write buffer and then as its read buffer, so at most one iterator may
 * read the file at a time. Used by one thread (the task thread).
 *
 * <p>A tagged buffer keeps an int with every record, in memory and in the file, and its readers may
 * skip records by their tag without deserializing them ({@link #iterator(IntPredicate)}).
 */
public final class SpillingRecordBuffer<T> implements Closeable {

    private final TypeSerializer<T> serializer;
    private final PagedRecordBuffer<T> memory;
    private final MemorySegment ioPage;
    private final boolean tagged;
    private final SpillFiles spillFiles;
    private final DataOutputSerializer scratch = new DataOutputSerializer(256);
    private SpillFileWriter writer;
    private File file;
    private long spilledRecords;
    private long spilledBytes;
    private boolean finished;
    private SpillFileReader openReader;

    /**
     * @param memoryPages the pages that hold the first records
     * @param ioPage the buffer of spill-file writes and reads
     * @param tempDirectories where the spill file goes
     * @param purpose a word for the spill file's name (for example {@code cross})
     */
    public SpillingRecordBuffer(TypeSerializer<T> serializer, List<MemorySegment> memoryPages, MemorySegment ioPage,
                                File[] tempDirectories, String purpose) {
        this(serializer, memoryPages, ioPage, tempDirectories, purpose, false);
    }

    /** @param tagged whether every record comes with a tag ({@link #add(Object, int)}) */
    public SpillingRecordBuffer(TypeSerializer<T> serializer, List<MemorySegment> memoryPages, MemorySegment ioPage,
                                File[] tempDirectories, String purpose, boolean tagged) {
        this.serializer = serializer;
        this.memory = new PagedRecordBuffer<>(serializer, memoryPages, tagged);
        this.ioPage = ioPage;
        this.spillFiles = new SpillFiles(tempDirectories, purpose);
        this.tagged = tagged;
    }

    public boolean isTagged() {
        return tagged;
    }

    /** Adds a record to an untagged buffer. */
    public void add(T record) throws IOException {
        if (tagged) {
            throw new IllegalStateException("A tagged buffer needs a tag with every record");
        }
        append(record, 0);
    }

    /** Adds a record with its tag to a tagged buffer. */
    public void add(T record, int tag) throws IOException {
        if (!tagged) {
            throw new IllegalStateException("An untagged buffer keeps no tags");
        }
        append(record, tag);
    }

    private void append(T record, int tag) throws IOException {
        if (finished) {
            throw new IllegalStateException("The buffer was finished; no more records can be added");
        }
        scratch.clear();
        serializer.serialize(record, scratch);
        if (writer == null && memory.append(tag, scratch.getBuffer(), scratch.length())) {
            return;
        }
        if (writer == null) {
            writer = spillFiles.createWriter(ioPage);
            file = writer.file();
        }
        writer.writeInt(scratch.length());
        if (tagged) {
            writer.writeInt(tag);
        }
        writer.write(scratch.getBuffer(), 0, scratch.length());
        spilledRecords++;
    }

    /** Ends the input: flushes the spill file. */
    public void finishWriting() throws IOException {
        finished = true;
        if (writer != null) {
            spilledBytes = writer.bytesWritten();
            writer.close();
            writer = null;
        }
    }

    /** Whether some records did not fit into memory. */
    public boolean isSpilled() {
        return file != null;
    }

    /** Records held in managed memory. */
    public long inMemoryRecords() {
        return memory.size();
    }

    public long spilledRecords() {
        return spilledRecords;
    }

    public long spilledBytes() {
        return spilledBytes;
    }

    /** All records in the order they were added: the memory part, then the file. */
    public RecordIterator<T> iterator() {
        return iterator(tag -> true);
    }

    /**
     * The records of a tagged buffer whose tag {@code keep} accepts, in the order they were added
     * (the memory part, then the file); the others are skipped unread. An untagged buffer's records
     * have no tag and are all read.
     */
    public RecordIterator<T> iterator(IntPredicate keep) {
        if (!finished) {
            throw new IllegalStateException("Call finishWriting() before reading the buffer");
        }
        RecordIterator<T> inMemory = memory.iterator(keep);
        return new RecordIterator<>() {
            private final DataInputDeserializer input = new DataInputDeserializer();
            private byte[] span = new byte[256];
            private SpillFileReader reader;
            private long remaining = spilledRecords;
            private boolean memoryDone;

            @Override
            public T next() throws IOException {
                if (!memoryDone) {
                    T record = inMemory.next();
                    if (record != null) {
                        return record;
                    }
                    memoryDone = true;
                }
                if (reader == null && remaining > 0) {
                    reader = openFile();
                }
                while (remaining > 0) {
                    remaining--;
                    int length = reader.readInt();
                    if (tagged && !keep.test(reader.readInt())) {
                        reader.skip(length);
                        continue;
                    }
                    return read(length);
                }
                closeReader();
                return null;
            }

            private T read(int length) throws IOException {
                if (span.length < length) {
                    span = new byte[Math.max(length, span.length * 2)];
                }
                reader.readFully(span, 0, length);
                input.setBuffer(span, 0, length);
                return serializer.deserialize(input);
            }

            private void closeReader() throws IOException {
                if (reader != null) {
                    reader.close();
                    reader = null;
                    openReader = null;
                }
            }
        };
    }

    private SpillFileReader openFile() throws IOException {
        if (openReader != null) {
            throw new IllegalStateException("Another iterator is still reading the spill file");
        }
        openReader = spillFiles.openReader(file, ioPage);
        return openReader;
    }

    /** Closes open files and deletes the spill file; idempotent, never throws. */
    @Override
    public void close() {
        spillFiles.close();
    }
}
