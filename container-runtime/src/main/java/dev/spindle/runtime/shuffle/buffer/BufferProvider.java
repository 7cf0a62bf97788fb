package dev.spindle.runtime.shuffle.buffer;

import java.io.IOException;

/** Hands out empty buffers. */
public interface BufferProvider {

    /** An empty buffer, waiting while none is free (this wait is backpressure). */
    Buffer requestBufferBlocking() throws InterruptedException, IOException;

    /** An empty buffer, or null if none is free right now. */
    Buffer requestBuffer() throws IOException;

    int segmentSize();
}
