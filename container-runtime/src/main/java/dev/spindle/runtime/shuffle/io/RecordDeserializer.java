package dev.spindle.runtime.shuffle.io;

import dev.spindle.runtime.serialization.DataInputDeserializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.buffer.Buffer;
import java.io.IOException;
import java.util.Arrays;

/**
 * Turns the data buffers of one channel back into records. Records are 4-byte-length-prefixed and
 * may span buffers; whole records are read in place from the buffer, spanning ones are first copied
 * together. A buffer is recycled as soon as all its bytes are read. Only the consuming task thread
 * uses it.
 */
public final class RecordDeserializer<T> {

    /** Larger lengths can only come from corrupt data. */
    private static final int MAX_RECORD_BYTES = 1 << 30;

    private final TypeSerializer<T> serializer;
    private final DataInputDeserializer view = new DataInputDeserializer();
    private Buffer current;
    private int position;
    // A record (or its length header) that started in an earlier buffer.
    private byte[] spill = new byte[64];
    private int spillLength;
    private int spillTarget = -1; // -1: collecting the 4 header bytes; else the record length
    private boolean spilling;

    public RecordDeserializer(TypeSerializer<T> serializer) {
        this.serializer = serializer;
    }

    public void setNextBuffer(Buffer buffer) {
        if (current != null) {
            throw new IllegalStateException("Previous buffer not fully read");
        }
        current = buffer;
        position = 0;
    }

    /** Whether a buffer is still being read. */
    public boolean hasBuffer() {
        return current != null;
    }

    /** The next whole record, or null if the current buffer is used up (and has been recycled). */
    public T next() throws IOException {
        if (current == null) {
            return null;
        }
        if (spilling) {
            return continueSpanning();
        }
        int size = current.size();
        int remaining = size - position;
        if (remaining >= 4) {
            byte[] seg = current.segment();
            int len = ((seg[position] & 0xFF) << 24) | ((seg[position + 1] & 0xFF) << 16)
                    | ((seg[position + 2] & 0xFF) << 8) | (seg[position + 3] & 0xFF);
            checkLength(len);
            if (remaining - 4 >= len) {
                view.setBuffer(seg, position + 4, len);
                position += 4 + len;
                T record = serializer.deserialize(view);
                if (view.available() != 0) {
                    throw new IOException("Corrupt record: " + view.available() + " bytes left unread of " + len);
                }
                releaseIfDone();
                return record;
            }
        }
        if (remaining == 0) {
            releaseIfDone();
            return null;
        }
        spilling = true;
        spillLength = 0;
        spillTarget = -1;
        return continueSpanning();
    }

    private T continueSpanning() throws IOException {
        byte[] seg = current.segment();
        int size = current.size();
        if (spillTarget < 0) {
            int n = Math.min(4 - spillLength, size - position);
            ensureSpill(4);
            System.arraycopy(seg, position, spill, spillLength, n);
            spillLength += n;
            position += n;
            if (spillLength < 4) {
                releaseIfDone();
                return null;
            }
            spillTarget = checkLength(((spill[0] & 0xFF) << 24) | ((spill[1] & 0xFF) << 16)
                    | ((spill[2] & 0xFF) << 8) | (spill[3] & 0xFF));
            spillLength = 0;
        }
        int n = Math.min(spillTarget - spillLength, size - position);
        ensureSpill(spillTarget);
        System.arraycopy(seg, position, spill, spillLength, n);
        spillLength += n;
        position += n;
        if (spillLength < spillTarget) {
            releaseIfDone();
            return null;
        }
        spilling = false;
        view.setBuffer(spill, 0, spillTarget);
        T record = serializer.deserialize(view);
        releaseIfDone();
        return record;
    }

    private static int checkLength(int len) throws IOException {
        if (len < 0 || len > MAX_RECORD_BYTES) {
            throw new IOException("Corrupt shuffle data: record length " + len);
        }
        return len;
    }

    private void ensureSpill(int size) {
        if (spill.length < size) {
            spill = Arrays.copyOf(spill, Math.max(size, spill.length * 2));
        }
    }

    private void releaseIfDone() {
        if (current != null && position >= current.size()) {
            current.recycle();
            current = null;
        }
    }

    /** Whether a record is half-read (the channel ended mid-record if so). */
    public boolean hasPartialRecord() {
        return spilling;
    }

    public void clear() {
        if (current != null) {
            current.recycle();
            current = null;
        }
        spilling = false;
    }
}
