package dev.spindle.connectors.hdfs;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/**
 * Reads the records of one {@link FileInputSplit}, where a record is the bytes up to a delimiter
 * (such as {@code \n}) or up to the end of the file. A split owns the records that start inside it:
 * one that does not start at offset 0 skips the partial record in front of it (the previous split
 * reads that one), and its last record may run past its end. So every record is read exactly once,
 * whatever the split boundaries. The delimiter must not be able to overlap itself (see
 * {@link #checkDelimiter}), so that every split finds the same record boundaries.
 *
 * <p>A record is handed out in place: {@link #bytes()} from {@link #start()} to {@link #end()},
 * valid until the next call of {@link #next()}. {@link #lineNumber()} tells where the record is in
 * the file. Lifecycle: {@link #open}, {@link #next()} until it returns false, {@link #close()}.
 * Used by one thread.
 */
public final class DelimitedSplitReader implements Closeable {

    /** Large enough that Hadoop's stream reads straight into it, bypassing its own buffer copy. */
    static final int DEFAULT_BUFFER_SIZE = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final FileInputSplit split;
    private final byte[] delimiter;
    private final long splitEnd;
    private final int bufferSize;
    private FSDataInputStream in;
    private byte[] buffer;
    /** File offset of {@code buffer[0]}. */
    private long bufferOffset;
    /** First unread byte. */
    private int pos;
    /** End of the valid bytes. */
    private int limit;
    private boolean endOfFile;
    private boolean done;
    private int recordStart;
    private int recordEnd;
    /** File offset of the first record this split owns. */
    private long firstRecordOffset;
    private long recordsRead;
    /** Records of the file before {@link #firstRecordOffset}; counted when first asked for. */
    private long recordsBeforeSplit = -1;

    private DelimitedSplitReader(FileInputSplit split, byte[] delimiter, int bufferSize) {
        this.split = split;
        this.delimiter = delimiter.clone();
        this.splitEnd = split.start() + split.length();
        this.bufferSize = bufferSize;
        this.buffer = new byte[bufferSize];
    }

    /** Opens the split's file and positions the reader at the first record the split owns. */
    public static DelimitedSplitReader open(FileInputSplit split, byte[] delimiter) throws IOException {
        return open(split, delimiter, DEFAULT_BUFFER_SIZE);
    }

    static DelimitedSplitReader open(FileInputSplit split, byte[] delimiter, int bufferSize) throws IOException {
        checkDelimiter(delimiter);
        DelimitedSplitReader reader = new DelimitedSplitReader(split, delimiter, bufferSize);
        try {
            reader.seekToFirstRecord();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /**
     * Rejects an empty delimiter and one that can overlap itself (a proper prefix equals a suffix,
     * like {@code ||} or {@code abab}): in {@code a|||b} it is unclear where the record ends, and
     * splits scanning from different offsets could disagree.
     */
    public static void checkDelimiter(byte[] delimiter) {
        if (delimiter.length == 0) {
            throw new IllegalArgumentException("The record delimiter must not be empty");
        }
        for (int k = 1; k < delimiter.length; k++) {
            if (Arrays.equals(delimiter, 0, k, delimiter, delimiter.length - k, delimiter.length)) {
                throw new IllegalArgumentException("The record delimiter '"
                        + new String(delimiter, StandardCharsets.UTF_8) + "' can overlap itself (it begins with"
                        + " what it ends with), so record boundaries would be ambiguous; choose another one");
            }
        }
    }

    private void seekToFirstRecord() throws IOException {
        Path p = new Path(split.path());
        in = HadoopFileSystems.get(p).open(p);
        // A record starts at offset 0 or right after a delimiter; the split owns it if it starts at or
        // after the split's start. The delimiter in front of such a record begins at start - length or later.
        bufferOffset = Math.max(0, split.start() - delimiter.length);
        in.seek(bufferOffset);
        if (split.start() > 0) {
            int found = findDelimiter(pos, false);
            if (found < 0) {
                pos = limit;
                done = true;
            } else {
                pos = found + delimiter.length;
            }
        }
        firstRecordOffset = bufferOffset + pos;
        done |= split.length() == 0;
    }

    /** Moves to the next record of the split; false when the split has no more. */
    public boolean next() throws IOException {
        if (done || bufferOffset + pos >= splitEnd) {
            done = true;
            return false;
        }
        int found = findDelimiter(pos, true);
        if (found >= 0) {
            recordStart = pos;
            recordEnd = found;
            pos = found + delimiter.length;
        } else if (pos < limit) {
            recordStart = pos;
            recordEnd = limit;
            pos = limit;
        } else {
            done = true;
            return false;
        }
        recordsRead++;
        return true;
    }

    /** Holds the current record from {@link #start()} to {@link #end()}. */
    public byte[] bytes() {
        return buffer;
    }

    public int start() {
        return recordStart;
    }

    /** Exclusive; the delimiter is not part of the record. */
    public int end() {
        return recordEnd;
    }

    /** Records this reader has returned so far, including the current one. */
    public long recordsRead() {
        return recordsRead;
    }

    /** Whether the current record is the first one of its file (the split starts at offset 0). */
    public boolean isFirstRecordOfFile() {
        return firstRecordOffset == 0 && recordsRead == 1;
    }

    public String path() {
        return split.path();
    }

    /**
     * The 1-based position of the current record among all records of the file (its line number
     * when records are lines). Exact for every split: the first call in a split that does not start
     * at offset 0 counts the records in front of the split, reading the file from its beginning, so
     * it is meant for error reports, not for every record.
     */
    public long lineNumber() throws IOException {
        if (recordsBeforeSplit < 0) {
            recordsBeforeSplit = countRecordsBefore(firstRecordOffset);
        }
        return recordsBeforeSplit + recordsRead;
    }

    private long countRecordsBefore(long offset) throws IOException {
        if (offset == 0) {
            return 0;
        }
        FileInputSplit head = new FileInputSplit(split.splitNumber(), split.path(), 0, offset, split.hosts());
        long count = 0;
        try (DelimitedSplitReader reader = open(head, delimiter, bufferSize)) {
            while (reader.next()) {
                count++;
            }
        }
        return count;
    }

    /**
     * The buffer index of the next delimiter at or after {@code from}, reading more of the file as
     * needed, or -1 at the end of the file. With {@code keep}, the bytes from {@code pos} on stay in
     * the buffer (they are the record being read); otherwise they are dropped as the search moves on.
     */
    private int findDelimiter(int from, boolean keep) throws IOException {
        int searchFrom = from;
        while (true) {
            int found = indexOf(buffer, searchFrom, limit, delimiter);
            if (found >= 0) {
                return found;
            }
            if (endOfFile) {
                return -1;
            }
            // A delimiter may straddle the end of what has been read: search its last length-1 bytes again.
            searchFrom = Math.max(pos, limit - delimiter.length + 1);
            if (!keep) {
                pos = searchFrom;
            }
            searchFrom -= pos;
            compactAndFill();
        }
    }

    /** Moves the unread bytes to the front of the buffer (growing it when they fill it) and reads more. */
    private void compactAndFill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            bufferOffset += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            endOfFile = true;
        } else {
            limit += n;
        }
    }

    static int indexOf(byte[] b, int from, int to, byte[] delimiter) {
        byte first = delimiter[0];
        if (delimiter.length == 1) {
            return indexOf(b, from, to, first);
        }
        int last = to - delimiter.length;
        for (int i = from; i <= last; i++) {
            if (b[i] == first && Arrays.equals(b, i, i + delimiter.length, delimiter, 0, delimiter.length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first {@code value} in {@code b[from, to)}, or -1. Looks at eight bytes at a time: after an
     * XOR with the value repeated, a matching byte is zero, and {@code (x - 0x01..) & ~x & 0x80..}
     * sets the high bit of the first zero byte (bits above it may be set too, never below).
     */
    private static int indexOf(byte[] b, int from, int to, byte value) {
        long pattern = (value & 0xFFL) * ONES;
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            long zeros = (x - ONES) & ~x & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        done = true;
        if (in != null) {
            in.close();
            in = null;
        }
    }
}
