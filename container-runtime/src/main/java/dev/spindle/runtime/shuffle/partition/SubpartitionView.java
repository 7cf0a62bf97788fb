package dev.spindle.runtime.shuffle.partition;

import dev.spindle.runtime.shuffle.buffer.Buffer;
import java.io.IOException;

/**
 * A consumer's read handle on one subpartition. {@link #poll()} is called by one thread at a time
 * (the consuming task for local reads, a Netty event loop for remote ones); the
 * {@link AvailabilityListener} given at creation is told, from any thread, when data may be there.
 */
public interface SubpartitionView {

    /** The next buffer, or null if none is ready yet. After the end-of-partition event, always null. */
    Buffer poll() throws IOException;

    /** Whether {@link #poll()} would return a buffer now (a hint; may be stale). */
    boolean isAvailable();

    /** The consumer is gone; frees what the view holds. */
    void release();

    /** Called when a view that was empty may have data. */
    @FunctionalInterface
    interface AvailabilityListener {
        void notifyDataAvailable();
    }
}
