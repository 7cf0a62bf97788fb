package dev.spindle.runtime.shuffle.buffer;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * The buffers of one producer (a result partition): at most {@code maxSegments} taken from the
 * TaskManager's {@link NetworkBufferPool}. When all are in flight the producer waits in
 * {@link #requestBufferBlocking()} until a consumer recycles one; that wait is how backpressure
 * reaches the producer with bounded memory. Thread-safe: the producer requests, consumers and
 * Netty threads recycle.
 */
public final class LocalBufferPool implements BufferProvider, BufferRecycler {

    private final NetworkBufferPool global;
    private final int maxSegments;
    private final ArrayDeque<byte[]> available = new ArrayDeque<>();
    private int owned;
    private boolean destroyed;

    LocalBufferPool(NetworkBufferPool global, int maxSegments) {
        this.global = global;
        this.maxSegments = Math.max(1, maxSegments);
    }

    @Override
    public int segmentSize() {
        return global.segmentSize();
    }

    @Override
    public Buffer requestBuffer() throws IOException {
        byte[] segment = takeSegment();
        return segment == null ? null : new Buffer(segment, this);
    }

    @Override
    public Buffer requestBufferBlocking() throws InterruptedException, IOException {
        while (true) {
            byte[] segment = takeSegment();
            if (segment != null) {
                return new Buffer(segment, this);
            }
            synchronized (this) {
                if (available.isEmpty() && !destroyed) {
                    // Wake periodically: the global pool does not notify local pools.
                    wait(owned >= maxSegments ? 1000 : 20);
                }
            }
        }
    }

    private byte[] takeSegment() throws IOException {
        synchronized (this) {
            if (destroyed) {
                throw new IOException("Buffer pool was released (task cancelled or finished)");
            }
            byte[] segment = available.poll();
            if (segment != null) {
                return segment;
            }
            if (owned >= maxSegments) {
                return null;
            }
            owned++;
        }
        byte[] segment = global.requestSegment();
        if (segment == null) {
            synchronized (this) {
                owned--;
            }
        }
        return segment;
    }

    @Override
    public void recycle(byte[] segment) {
        synchronized (this) {
            if (!destroyed) {
                available.push(segment);
                notifyAll();
                return;
            }
            owned--;
        }
        global.recycle(segment);
    }

    /** Number of segments currently taken from the global pool (in flight or idle here). */
    public synchronized int ownedSegments() {
        return owned;
    }

    public int maxSegments() {
        return maxSegments;
    }

    /** Returns idle segments to the global pool; segments still in flight return as they are recycled. */
    public void destroy() {
        ArrayDeque<byte[]> toReturn;
        synchronized (this) {
            destroyed = true;
            toReturn = new ArrayDeque<>(available);
            owned -= available.size();
            available.clear();
            notifyAll();
        }
        toReturn.forEach(global::recycle);
    }
}
