package dev.spindle.runtime.iteration;

import dev.spindle.runtime.serialization.DataInputDeserializer;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The format of one subtask's part of a superstep snapshot: a header (magic, version, superstep),
 * sections of length-prefixed serialized records each closed by -1, and a CRC32 of everything
 * before it, so that a truncated or damaged file is recognized instead of restoring wrong data.
 * Layout in a store: {@code <jobId>/iteration-<id>/superstep-<n>/part-<subtask>}, and per iteration
 * a {@code LATEST} marker naming the newest snapshot all subtasks completed, with the aggregates of
 * that superstep.
 */
public final class SnapshotFiles {

    private static final int MAGIC = 0x53504e53;
    private static final int VERSION = 1;

    private SnapshotFiles() {
    }

    public static String iterationDir(String jobId, int iterationId) {
        return jobId + "/iteration-" + iterationId;
    }

    public static String part(String jobId, int iterationId, int superstep, int subtask) {
        return iterationDir(jobId, iterationId) + "/superstep-" + superstep + "/part-" + subtask;
    }

    public static String latest(String jobId, int iterationId) {
        return iterationDir(jobId, iterationId) + "/LATEST";
    }

    /** Writes one part: {@link #section} per part of the state, then {@link #close()}. */
    public static final class Writer implements AutoCloseable {
        private final CheckedOutputStream checked;
        private final DataOutputStream out;
        private final DataOutputSerializer scratch = new DataOutputSerializer(256);

        public Writer(OutputStream stream, int superstep) throws IOException {
            this.checked = new CheckedOutputStream(new BufferedOutputStream(stream, 64 << 10), new CRC32());
            this.out = new DataOutputStream(checked);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(superstep);
        }

        public void write(TypeSerializer<Object> serializer, Object record) throws IOException {
            scratch.clear();
            serializer.serialize(record, scratch);
            out.writeInt(scratch.length());
            out.write(scratch.getBuffer(), 0, scratch.length());
        }

        public void endSection() throws IOException {
            out.writeInt(-1);
        }

        @Override
        public void close() throws IOException {
            out.flush();
            long crc = checked.getChecksum().getValue();
            out.writeLong(crc);
            out.close();
        }
    }

    /** Receives restored records. */
    public interface RecordSink {
        void accept(Object record) throws Exception;
    }

    /** Reads one part written by {@link Writer}: {@link #section} in the same order, then {@link #verify()}. */
    public static final class Reader implements AutoCloseable {
        private final String name;
        private final CheckedInputStream checked;
        private final DataInputStream in;
        private final int superstep;
        private byte[] bytes = new byte[256];

        public Reader(InputStream stream, String name) throws IOException {
            this.name = name;
            this.checked = new CheckedInputStream(new BufferedInputStream(stream, 64 << 10), new CRC32());
            this.in = new DataInputStream(checked);
            try {
                if (in.readInt() != MAGIC) {
                    throw corrupt("it is not an iteration snapshot");
                }
                int version = in.readInt();
                if (version != VERSION) {
                    throw corrupt("unknown version " + version);
                }
                this.superstep = in.readInt();
            } catch (EOFException e) {
                throw corrupt("it is truncated");
            }
        }

        public int superstep() {
            return superstep;
        }

        public void section(TypeSerializer<Object> serializer, RecordSink sink) throws Exception {
            try {
                int length;
                while ((length = in.readInt()) >= 0) {
                    if (bytes.length < length) {
                        bytes = new byte[Math.max(length, bytes.length * 2)];
                    }
                    in.readFully(bytes, 0, length);
                    Object record;
                    try {
                        record = serializer.deserialize(new DataInputDeserializer(bytes, 0, length));
                    } catch (IOException | RuntimeException e) {
                        throw corrupt("a record cannot be read (" + e + ")");
                    }
                    sink.accept(record);
                }
                if (length != -1) {
                    throw corrupt("a record has length " + length);
                }
            } catch (EOFException e) {
                throw corrupt("it is truncated");
            }
        }

        /** Checks the checksum and that nothing follows it. */
        public void verify() throws IOException {
            long expected = checked.getChecksum().getValue();
            try {
                long written = in.readLong();
                if (written != expected) {
                    throw corrupt("its checksum does not match");
                }
            } catch (EOFException e) {
                throw corrupt("it is truncated");
            }
            if (in.read() != -1) {
                throw corrupt("data follows its checksum");
            }
        }

        private IOException corrupt(String why) {
            return new IOException("The iteration snapshot " + name + " is corrupt: " + why);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
