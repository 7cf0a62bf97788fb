package dev.spindle.runtime.shuffle.partition;

import dev.spindle.runtime.shuffle.buffer.Buffer;
import dev.spindle.runtime.shuffle.buffer.LocalBufferPool;
import dev.spindle.runtime.shuffle.event.EndOfPartitionEvent;
import dev.spindle.runtime.shuffle.event.EventSerializer;
import dev.spindle.runtime.shuffle.event.RuntimeEvent;
import java.io.IOException;

/**
 * The output of one task towards one consumer vertex, split into one subpartition per consumer
 * subtask. The producing task thread copies serialized records into a current buffer per
 * subpartition; full (or flushed) buffers are handed to {@link #add}, which pipelined and blocking
 * partitions implement differently. Only the producing task thread calls the emit/flush/finish
 * methods; consumers read through {@link #createView}.
 */
public abstract class ResultPartition {

    private final PartitionId id;
    private final int numSubpartitions;
    protected final LocalBufferPool bufferPool;
    private final Buffer[] current;
    private boolean finished;
    private long bytesOut;

    protected ResultPartition(PartitionId id, int numSubpartitions, LocalBufferPool bufferPool) {
        this.id = id;
        this.numSubpartitions = numSubpartitions;
        this.bufferPool = bufferPool;
        this.current = new Buffer[numSubpartitions];
    }

    public PartitionId id() {
        return id;
    }

    public int numSubpartitions() {
        return numSubpartitions;
    }

    public long bytesOut() {
        return bytesOut;
    }

    /** Copies one length-prefixed serialized record into the subpartition's buffers. */
    public void emitRecord(byte[] data, int length, int subpartition) throws IOException, InterruptedException {
        int offset = 0;
        bytesOut += length;
        while (offset < length) {
            Buffer buffer = current[subpartition];
            if (buffer == null) {
                buffer = bufferPool.requestBufferBlocking();
                current[subpartition] = buffer;
            }
            int size = buffer.size();
            int n = Math.min(length - offset, buffer.capacity() - size);
            System.arraycopy(data, offset, buffer.segment(), size, n);
            buffer.setSize(size + n);
            offset += n;
            if (buffer.size() == buffer.capacity()) {
                current[subpartition] = null;
                add(subpartition, buffer);
            }
        }
    }

    /** Sends the partly filled buffer of every subpartition. */
    public void flushAll() throws IOException {
        for (int i = 0; i < numSubpartitions; i++) {
            flush(i);
        }
    }

    public void flush(int subpartition) throws IOException {
        Buffer buffer = current[subpartition];
        if (buffer != null) {
            current[subpartition] = null;
            if (buffer.size() > 0) {
                add(subpartition, buffer);
            } else {
                buffer.recycle();
            }
        }
    }

    /** Whether some subpartition holds records not yet handed on. */
    public boolean hasUnflushedData() {
        for (Buffer b : current) {
            if (b != null && b.size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Flushes, then puts the event behind the records already written, in every subpartition. */
    public void broadcastEvent(RuntimeEvent event) throws IOException {
        flushAll();
        for (int i = 0; i < numSubpartitions; i++) {
            add(i, EventSerializer.toBuffer(event));
        }
    }

    /** The producer is done: sends end-of-partition and completes the partition. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        broadcastEvent(EndOfPartitionEvent.INSTANCE);
        finished = true;
        onFinished();
    }

    public boolean isFinished() {
        return finished;
    }

    /** Drops unsent buffers; called when the producer fails or is cancelled, or the job is done. */
    public void release() {
        for (int i = 0; i < numSubpartitions; i++) {
            if (current[i] != null) {
                current[i].recycle();
                current[i] = null;
            }
        }
        releaseResources();
        bufferPool.destroy();
    }

    /** Hands a finished buffer (data or event) to the subpartition. */
    protected abstract void add(int subpartition, Buffer buffer) throws IOException;

    protected void onFinished() throws IOException {
    }

    protected abstract void releaseResources();

    public abstract SubpartitionView createView(int subpartition, SubpartitionView.AvailabilityListener listener)
            throws IOException;
}
