package dev.spindle.runtime.shuffle.partition;

import dev.spindle.runtime.shuffle.buffer.Buffer;
import dev.spindle.runtime.shuffle.buffer.LocalBufferPool;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * A partition whose buffers go to consumers while the producer still runs. Each subpartition is a
 * queue; its buffers come from the producer's bounded pool, so a slow consumer makes the producer
 * wait (backpressure) instead of growing memory. Queue access is guarded by the subpartition.
 */
public final class PipelinedResultPartition extends ResultPartition {

    private final Subpartition[] subpartitions;

    public PipelinedResultPartition(PartitionId id, int numSubpartitions, LocalBufferPool pool) {
        super(id, numSubpartitions, pool);
        subpartitions = new Subpartition[numSubpartitions];
        for (int i = 0; i < numSubpartitions; i++) {
            subpartitions[i] = new Subpartition();
        }
    }

    @Override
    protected void add(int subpartition, Buffer buffer) {
        subpartitions[subpartition].add(buffer);
    }

    @Override
    protected void releaseResources() {
        for (Subpartition s : subpartitions) {
            s.release();
        }
    }

    @Override
    public SubpartitionView createView(int subpartition, SubpartitionView.AvailabilityListener listener)
            throws IOException {
        return subpartitions[subpartition].createView(listener);
    }

    /** One consumer's queue. */
    private static final class Subpartition implements SubpartitionView {

        private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
        private SubpartitionView.AvailabilityListener listener;
        private boolean released;

        void add(Buffer buffer) {
            SubpartitionView.AvailabilityListener toNotify;
            synchronized (this) {
                if (released) {
                    buffer.recycle();
                    return;
                }
                queue.add(buffer);
                toNotify = queue.size() == 1 ? listener : null;
            }
            if (toNotify != null) {
                toNotify.notifyDataAvailable();
            }
        }

        synchronized SubpartitionView createView(SubpartitionView.AvailabilityListener l) throws IOException {
            if (listener != null) {
                throw new IOException("Subpartition is already being read");
            }
            if (released) {
                throw new IOException("Subpartition was released");
            }
            listener = l;
            boolean notify = !queue.isEmpty();
            if (notify) {
                l.notifyDataAvailable();
            }
            return this;
        }

        @Override
        public synchronized Buffer poll() {
            return queue.poll();
        }

        @Override
        public synchronized boolean isAvailable() {
            return !queue.isEmpty();
        }

        @Override
        public void release() {
            synchronized (this) {
                released = true;
                Buffer b;
                while ((b = queue.poll()) != null) {
                    b.recycle();
                }
            }
        }
    }
}
