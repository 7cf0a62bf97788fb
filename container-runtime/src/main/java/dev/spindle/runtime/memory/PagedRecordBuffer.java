package dev.spindle.runtime.memory;

import dev.spindle.runtime.serialization.DataInputDeserializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.RecordIterator;
import java.io.IOException;
import java.util.List;

/**
 * Serialized records appended to a fixed list of managed-memory pages, each as its length (4 bytes)
 * and its bytes, contiguous across page boundaries. {@link #tryAdd} refuses a record that does not
 * fit; the records can be read back any number of times until {@link #clear()}. The pages belong to
 * the caller, which also gives them back.
 *
 * <p>Used by the one thread of its owner; an iterator is valid until the buffer changes.
 */
public final class PagedRecordBuffer<T> {

    private final TypeSerializer<T> serializer;
    private final byte[][] pages;
    private final int pageSize;
    private final long capacity;
    private final byte[] lengthBytes = new byte[4];
    private long end;
    private int size;

    public PagedRecordBuffer(TypeSerializer<T> serializer, List<MemorySegment> pages) {
        this.serializer = serializer;
        this.pages = new byte[pages.size()][];
        for (int i = 0; i < this.pages.length; i++) {
            this.pages[i] = pages.get(i).array();
        }
        this.pageSize = pages.isEmpty() ? 0 : this.pages[0].length;
        this.capacity = (long) pageSize * this.pages.length;
    }

    /** Records held. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Appends a serialized record; false, storing nothing, if it does not fit. */
    public boolean tryAdd(byte[] bytes, int length) {
        if (end + 4 + length > capacity) {
            return false;
        }
        lengthBytes[0] = (byte) (length >>> 24);
        lengthBytes[1] = (byte) (length >>> 16);
        lengthBytes[2] = (byte) (length >>> 8);
        lengthBytes[3] = (byte) length;
        write(end, lengthBytes, 4);
        write(end + 4, bytes, length);
        end += 4 + length;
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
        return new RecordIterator<>() {
            private final DataInputDeserializer input = new DataInputDeserializer();
            private byte[] span = new byte[256];
            private long position;

            @Override
            public T next() throws IOException {
                if (position >= end) {
                    return null;
                }
                read(position, span, 4);
                int length = ((span[0] & 0xFF) << 24) | ((span[1] & 0xFF) << 16) | ((span[2] & 0xFF) << 8)
                        | (span[3] & 0xFF);
                if (span.length < length) {
                    span = new byte[Math.max(length, span.length * 2)];
                }
                read(position + 4, span, length);
                position += 4 + length;
                input.setBuffer(span, 0, length);
                return serializer.deserialize(input);
            }
        };
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
