package dev.spindle.runtime.shuffle.buffer;

/** Takes back the memory of a buffer that its user is done with. */
@FunctionalInterface
public interface BufferRecycler {

    void recycle(byte[] segment);

    /** For buffers that own their memory (events, test data): recycling does nothing. */
    BufferRecycler NONE = segment -> { };
}
