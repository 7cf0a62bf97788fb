package dev.spindle.runtime.shuffle.input;

import dev.spindle.runtime.shuffle.buffer.Buffer;
import dev.spindle.runtime.shuffle.partition.PartitionId;
import dev.spindle.runtime.shuffle.partition.PartitionNotFoundException;
import dev.spindle.runtime.shuffle.partition.ResultPartitionManager;
import dev.spindle.runtime.shuffle.partition.SubpartitionView;
import java.io.IOException;

/**
 * Reads a subpartition of a producer in the same TaskManager: buffers are handed over in memory,
 * no copy, no network. The buffer goes back to the producer's pool when the consumer recycles it.
 */
public final class LocalInputChannel extends InputChannel {

    private final ResultPartitionManager partitions;
    private final long requestTimeoutMillis;
    private volatile SubpartitionView view;

    public LocalInputChannel(InputGate gate, int channelIndex, int inputIndex, PartitionId partitionId,
                             int subpartition, ResultPartitionManager partitions, long requestTimeoutMillis) {
        super(gate, channelIndex, inputIndex, partitionId, subpartition);
        this.partitions = partitions;
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    @Override
    public void requestSubpartition() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + requestTimeoutMillis;
        long backoff = 1;
        while (true) {
            try {
                view = partitions.createView(partitionId, subpartition, this::notifyDataAvailable);
                return;
            } catch (PartitionNotFoundException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("Producer partition " + partitionId + " did not appear within "
                            + requestTimeoutMillis + " ms", e);
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 50);
            }
        }
    }

    @Override
    public Buffer pollNext() throws IOException {
        SubpartitionView v = view;
        return v == null ? null : v.poll();
    }

    @Override
    public boolean isAvailable() {
        SubpartitionView v = view;
        return v != null && v.isAvailable();
    }

    @Override
    public void release() {
        SubpartitionView v = view;
        if (v != null) {
            v.release();
        }
    }
}
