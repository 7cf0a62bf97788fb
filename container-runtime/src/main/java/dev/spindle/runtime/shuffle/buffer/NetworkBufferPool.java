package dev.spindle.runtime.shuffle.buffer;

import java.util.ArrayDeque;

/**
 * All shuffle memory of one TaskManager: a fixed number of equal-sized segments, allocated lazily
 * and never more than the budget. Result partitions take segments through a {@link LocalBufferPool};
 * remote input channels take their credit buffers directly. Thread-safe.
 */
public final class NetworkBufferPool {

    private final int segmentSize;
    private final int totalSegments;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private int allocated;

    public NetworkBufferPool(int totalSegments, int segmentSize) {
        if (totalSegments < 1 || segmentSize < 64) {
            throw new IllegalArgumentException("Need at least one segment of at least 64 bytes");
        }
        this.totalSegments = totalSegments;
        this.segmentSize = segmentSize;
    }

    public int segmentSize() {
        return segmentSize;
    }

    public int totalSegments() {
        return totalSegments;
    }

    /** A segment, or null if the whole budget is in use. */
    public synchronized byte[] requestSegment() {
        byte[] segment = free.poll();
        if (segment == null && allocated < totalSegments) {
            allocated++;
            segment = new byte[segmentSize];
        }
        return segment;
    }

    public synchronized void recycle(byte[] segment) {
        free.push(segment);
        notifyAll();
    }

    /** Waits up to {@code timeoutMillis} for a segment; null if none came. */
    public synchronized byte[] requestSegment(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        byte[] segment;
        while ((segment = requestSegment()) == null) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return segment;
    }

    public synchronized int availableSegments() {
        return free.size() + (totalSegments - allocated);
    }

    /** A pool for one result partition that may hold at most {@code maxSegments} at once. */
    public LocalBufferPool createLocalPool(int maxSegments) {
        return new LocalBufferPool(this, maxSegments);
    }
}
