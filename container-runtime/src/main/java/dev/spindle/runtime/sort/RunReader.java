package dev.spindle.runtime.sort;

import dev.spindle.runtime.memory.SpillFileReader;
import dev.spindle.runtime.memory.SpillFileWriter;
import dev.spindle.runtime.serialization.DataInputDeserializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.IOException;

/**
 * The current record of a {@link SortedRun} being merged: its normalized key and serialized bytes,
 * deserialized (and its key extracted) only when a merge needs them. Used by the merging thread.
 */
final class RunReader<T, K> {

    private final SpillFileReader in;
    private final TypeSerializer<T> serializer;
    private final SortKey<T, K> sortKey;
    private final DataInputDeserializer input = new DataInputDeserializer();
    private long remaining;
    private byte[] bytes = new byte[256];
    private int length;
    private long prefix;
    private T record;
    private K key;
    private boolean recordLoaded;
    private boolean keyLoaded;

    RunReader(SpillFileReader in, long records, TypeSerializer<T> serializer, SortKey<T, K> sortKey) {
        this.in = in;
        this.remaining = records;
        this.serializer = serializer;
        this.sortKey = sortKey;
    }

    /** Moves to the next record; false (and the file closed) when the run is exhausted. */
    boolean advance() throws IOException {
        if (remaining == 0) {
            in.close();
            return false;
        }
        remaining--;
        prefix = in.readLong();
        length = in.readInt();
        if (length < 0) {
            throw new IOException("Corrupt spill file " + in.file() + ": negative record length");
        }
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
        in.readFully(bytes, 0, length);
        recordLoaded = false;
        keyLoaded = false;
        record = null;
        key = null;
        return true;
    }

    long prefix() {
        return prefix;
    }

    T record() throws IOException {
        if (!recordLoaded) {
            input.setBuffer(bytes, 0, length);
            record = serializer.deserialize(input);
            recordLoaded = true;
        }
        return record;
    }

    K key() throws IOException {
        if (!keyLoaded) {
            key = sortKey.extract(record());
            keyLoaded = true;
        }
        return key;
    }

    /** Appends the current record, as it was read, to another run. */
    void copyTo(SpillFileWriter out) throws IOException {
        out.writeLong(prefix);
        out.writeInt(length);
        out.write(bytes, 0, length);
    }

    void close() throws IOException {
        in.close();
    }
}
