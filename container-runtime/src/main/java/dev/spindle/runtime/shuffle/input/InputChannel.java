package dev.spindle.runtime.shuffle.input;

import dev.spindle.runtime.shuffle.buffer.Buffer;
import dev.spindle.runtime.shuffle.partition.PartitionId;
import java.io.IOException;

/**
 * One producer subpartition as seen by the consuming task. The task thread calls
 * {@link #requestSubpartition()} once, then {@link #pollNext()}; whoever delivers data (the
 * producer's thread for local channels, a Netty thread for remote ones) calls
 * {@link #notifyDataAvailable()} so the gate wakes the task.
 */
public abstract class InputChannel {

    private final InputGate gate;
    private final int channelIndex;
    private final int inputIndex;
    protected final PartitionId partitionId;
    protected final int subpartition;
    // Guarded by the gate's lock.
    boolean queuedInGate;

    protected InputChannel(InputGate gate, int channelIndex, int inputIndex, PartitionId partitionId, int subpartition) {
        this.gate = gate;
        this.channelIndex = channelIndex;
        this.inputIndex = inputIndex;
        this.partitionId = partitionId;
        this.subpartition = subpartition;
    }

    public int channelIndex() {
        return channelIndex;
    }

    /** Which logical input of the consuming operator this channel feeds. */
    public int inputIndex() {
        return inputIndex;
    }

    public PartitionId partitionId() {
        return partitionId;
    }

    /** Starts reading; may wait (bounded) for the producer to register its partition. */
    public abstract void requestSubpartition() throws IOException, InterruptedException;

    /** The next buffer, or null if nothing is there right now. Throws if the channel failed. */
    public abstract Buffer pollNext() throws IOException;

    /** Whether {@link #pollNext()} would return something now (a hint). */
    public abstract boolean isAvailable();

    public abstract void release();

    protected final void notifyDataAvailable() {
        gate.notifyChannelNonEmpty(this);
    }
}
