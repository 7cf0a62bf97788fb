package dev.spindle.runtime.operators.join;

import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.memory.SpillFileReader;
import dev.spindle.runtime.memory.SpillFileWriter;
import dev.spindle.runtime.memory.SpillFiles;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;

/**
 * A spill file of serialized join records, each with its key hash: {@code hash (4), length (4),
 * bytes}. Written once through a {@link Writer}, then read any number of times through
 * {@link Reader}s; both buffer through a page the caller lends them. The file belongs to the join's
 * {@link SpillFiles}, which deletes it at the latest when the join ends.
 */
final class HashedRecordFile {

    private static final int RECORD_HEADER = 8;

    private final File file;
    private final long records;
    private final long bytes;

    private HashedRecordFile(File file, long records, long bytes) {
        this.file = file;
        this.records = records;
        this.bytes = bytes;
    }

    File file() {
        return file;
    }

    long records() {
        return records;
    }

    /** Bytes of the serialized records, headers not counted. */
    long recordBytes() {
        return bytes - RECORD_HEADER * records;
    }

    Reader open(SpillFiles files, MemorySegment buffer) throws IOException {
        return new Reader(files.openReader(file, buffer), buffer);
    }

    /** This file as an input read in passes, each through a page of {@code pool}, as records of {@code side}. */
    <T> ReplayableInput<T> asInput(JoinSide<T> side, SpillFiles files, PagePool pool) {
        return anotherPassFollows -> {
            Reader reader = open(files, pool.takeReserved());
            return new ReplayableInput.Pass<>() {
                @Override
                public T next() throws Exception {
                    return reader.next() ? side.deserialize(reader.bytes(), 0, reader.length()) : null;
                }

                @Override
                public void close() throws IOException {
                    reader.close();
                    pool.give(reader.buffer());
                }
            };
        };
    }

    /** Appends records to a new spill file. */
    static final class Writer implements Closeable {

        private final SpillFileWriter out;
        private final MemorySegment buffer;
        private long records;

        Writer(SpillFiles files, MemorySegment buffer) throws IOException {
            this.out = files.createWriter(buffer);
            this.buffer = buffer;
        }

        void write(int hash, byte[] bytes, int length) throws IOException {
            out.writeInt(hash);
            out.writeInt(length);
            out.write(bytes, 0, length);
            records++;
        }

        long records() {
            return records;
        }

        /** The page this writer buffers through, free again after {@link #finish}. */
        MemorySegment buffer() {
            return buffer;
        }

        /** Flushes and closes the file; returns it for reading. */
        HashedRecordFile finish() throws IOException {
            out.close();
            return new HashedRecordFile(out.file(), records, out.bytesWritten());
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads a file's records in order: {@link #next()}, then {@link #hash()}, {@link #bytes()}, {@link #length()}. */
    static final class Reader implements HashedRecords, Closeable {

        private final SpillFileReader in;
        private final MemorySegment buffer;
        private byte[] bytes = new byte[256];
        private int hash;
        private int length;

        private Reader(SpillFileReader in, MemorySegment buffer) {
            this.in = in;
            this.buffer = buffer;
        }

        @Override
        public boolean next() throws IOException {
            if (in.atEnd()) {
                return false;
            }
            hash = in.readInt();
            length = in.readInt();
            if (bytes.length < length) {
                bytes = new byte[Math.max(length, bytes.length * 2)];
            }
            in.readFully(bytes, 0, length);
            return true;
        }

        @Override
        public int hash() {
            return hash;
        }

        @Override
        public byte[] bytes() {
            return bytes;
        }

        @Override
        public int length() {
            return length;
        }

        /** The page this reader buffers through, free again after {@link #close}. */
        MemorySegment buffer() {
            return buffer;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
