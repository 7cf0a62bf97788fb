package dev.spindle.runtime.memory;

import dev.spindle.runtime.serialization.DataInputDeserializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.RecordIterator;
import java.io.IOException;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Serialized records appended to a fixed list of managed-memory pages, each as its length (4 bytes)
 * and its bytes, contiguous across page boundaries. {@link #tryAdd} refuses a record that does not
 * fit; the records can be read back any number of times until {@link #clear()}. The pages belong to
 * the caller, which also gives them back.
 *
 * <p>A tagged buffer keeps an int with every record (between its length and its bytes), and its
 * readers may skip records by their tag without deserializing them ({@link #iterator(IntPredicate)}).
 *
 * <p>Used by the one thread of its owner; an iterator is valid until the buffer changes.
 */
public final class PagedRecordBuffer<T> {

    private final TypeSerializer<T> serializer;
    private final byte[][] pages;
    private final int pageSize;
    private final long capacity;
    private final boolean tagged;
    private final int header;
    private final byte[] headerBytes = new byte[8];
    private long end;
    private int size;

    public PagedRecordBuffer(TypeSerializer<T> serializer, List<MemorySegment> pages) {
        this(serializer, pages, false);
    }

    /** @param tagged whether every record comes with a tag ({@link #tryAdd(int, byte[], int)}) */
    public PagedRecordBuffer(TypeSerializer<T> serializer, List<MemorySegment> pages, boolean tagged) {
        this.serializer = serializer;
        this.pages = new byte[pages.size()][];
        for (int i = 0; i < this.pages.length; i++) {
            this.pages[i] = pages.get(i).array();
        }
        this.pageSize = pages.isEmpty() ? 0 : this.pages[0].length;
        this.capacity = (long) pageSize * this.pages.length;
        this.tagged = tagged;
        this.header = tagged ? 8 : 4;
    }

    /** Records held. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Appends a serialized record to an untagged buffer; false, storing nothing, if it does not fit. */
    public boolean tryAdd(byte[] bytes, int length) {
        if (tagged) {
            throw new IllegalStateException("A tagged buffer needs a tag with every record");
        }
        return append(0, bytes, length);
    }

    /** Appends a serialized record with its tag to a tagged buffer; false, storing nothing, if it does not fit. */
    public boolean tryAdd(int tag, byte[] bytes, int length) {
        if (!tagged) {
            throw new IllegalStateException("An untagged buffer keeps no tags");
        }
        return append(tag, bytes, length);
    }

    /** Appends a serialized record, with {@code tag} if the buffer is tagged; false if it does not fit. */
    boolean append(int tag, byte[] bytes, int length) {
        if (end + header + length > capacity) {
            return false;
        }
        putInt(headerBytes, 0, length);
        putInt(headerBytes, 4, tag);
        write(end, headerBytes, header);
        write(end + header, bytes, length);
        end += header + length;
        size++;
        return true;
    }

    /** Forgets all records; the pages are reused. */
    public void clear() {
        end = 0;
        size = 0;
    }

    /** The records in the order they were added. */
    public RecordIterator<T> iterator() {
        return iterator(tag -> true);
    }

    /**
     * The records of a tagged buffer whose tag {@code keep} accepts, in the order they were added;
     * the others are skipped unread. An untagged buffer's records have no tag and are all read.
     */
    public RecordIterator<T> iterator(IntPredicate keep) {
        return new RecordIterator<>() {
            private final DataInputDeserializer input = new DataInputDeserializer();
            private byte[] span = new byte[256];
            private long position;

            @Override
            public T next() throws IOException {
                while (position < end) {
                    read(position, span, header);
                    int length = getInt(span, 0);
                    long start = position + header;
                    position = start + length;
                    if (tagged && !keep.test(getInt(span, 4))) {
                        continue;
                    }
                    int inPage = (int) (start % pageSize);
                    if (length > 0 && inPage + length <= pageSize) {
                        input.setBuffer(pages[(int) (start / pageSize)], inPage, length);
                    } else {
                        if (span.length < length) {
                            span = new byte[Math.max(length, span.length * 2)];
                        }
                        read(start, span, length);
                        input.setBuffer(span, 0, length);
                    }
                    return serializer.deserialize(input);
                }
                return null;
            }
        };
    }

    private static void putInt(byte[] b, int offset, int v) {
        b[offset] = (byte) (v >>> 24);
        b[offset + 1] = (byte) (v >>> 16);
        b[offset + 2] = (byte) (v >>> 8);
        b[offset + 3] = (byte) v;
    }

    private static int getInt(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
    }

    private void write(long position, byte[] bytes, int length) {
        int offset = 0;
        while (length > 0) {
            int inPage = (int) (position % pageSize);
            int n = Math.min(length, pageSize - inPage);
            System.arraycopy(bytes, offset, pages[(int) (position / pageSize)], inPage, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    private void read(long position, byte[] target, int length) {
        int offset = 0;
        while (length > 0) {
            int inPage = (int) (position % pageSize);
            int n = Math.min(length, pageSize - inPage);
            System.arraycopy(pages[(int) (position / pageSize)], inPage, target, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
    }
}
