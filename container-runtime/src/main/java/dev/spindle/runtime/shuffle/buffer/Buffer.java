package dev.spindle.runtime.shuffle.buffer;

/**
 * A filled part of a fixed-size memory segment, holding either serialized records or one
 * serialized event. Whoever holds a buffer must {@link #recycle()} it exactly once; the segment
 * then goes back to the pool it came from, which is how shuffle memory stays bounded.
 */
public final class Buffer {

    /** What the bytes of a buffer mean. */
    public enum Kind {
        /** Length-prefixed serialized records; a record may continue in the next buffer. */
        DATA,
        /** Exactly one serialized {@link dev.spindle.runtime.shuffle.event.RuntimeEvent}. */
        EVENT
    }

    private final byte[] segment;
    private final BufferRecycler recycler;
    private int size;
    private Kind kind = Kind.DATA;
    private boolean recycled;

    public Buffer(byte[] segment, BufferRecycler recycler) {
        this.segment = segment;
        this.recycler = recycler;
    }

    public static Buffer wrap(byte[] bytes, int size, Kind kind) {
        Buffer buffer = new Buffer(bytes, BufferRecycler.NONE);
        buffer.size = size;
        buffer.kind = kind;
        return buffer;
    }

    public byte[] segment() {
        return segment;
    }

    public int capacity() {
        return segment.length;
    }

    public int size() {
        return size;
    }

    public void setSize(int size) {
        this.size = size;
    }

    public Kind kind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public boolean isEvent() {
        return kind == Kind.EVENT;
    }

    public void recycle() {
        if (recycled) {
            throw new IllegalStateException("Buffer recycled twice");
        }
        recycled = true;
        recycler.recycle(segment);
    }
}
