package dev.spindle.runtime.shuffle.io;

import dev.spindle.api.functions.Collector;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.event.RuntimeEvent;
import dev.spindle.runtime.shuffle.partition.ResultPartition;
import dev.spindle.runtime.shuffle.partitioner.Partitioner;
import java.io.IOException;

/**
 * Serializes records once, as a 4-byte length followed by the bytes, and hands them to the
 * partition's subpartition that the partitioner picks (or to all of them for broadcast). Applies
 * the buffer timeout's "flush after every record" mode; timed flushes are driven by the task.
 * Only the producing task thread uses a writer.
 */
public final class RecordWriter<T> implements Collector<T> {

    private final ResultPartition partition;
    private final TypeSerializer<T> serializer;
    private final Partitioner<T> partitioner;
    private final DataOutputSerializer scratch = new DataOutputSerializer(256);
    private final boolean flushAlways;
    private final int numSubpartitions;
    private long recordsOut;

    public RecordWriter(ResultPartition partition, TypeSerializer<T> serializer, Partitioner<T> partitioner,
                        long bufferTimeoutMillis) {
        this.partition = partition;
        this.serializer = serializer;
        this.partitioner = partitioner;
        this.flushAlways = bufferTimeoutMillis == 0;
        this.numSubpartitions = partition.numSubpartitions();
    }

    @Override
    public void collect(T record) {
        try {
            emit(record);
        } catch (IOException e) {
            throw new ShuffleException("Cannot write to " + partition.id() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShuffleException("Interrupted while waiting for an output buffer", e);
        }
    }

    public void emit(T record) throws IOException, InterruptedException {
        scratch.clear();
        scratch.writeInt(0);
        serializer.serialize(record, scratch);
        scratch.putIntAt(0, scratch.length() - 4);
        recordsOut++;
        if (partitioner.isBroadcast()) {
            for (int i = 0; i < numSubpartitions; i++) {
                partition.emitRecord(scratch.getBuffer(), scratch.length(), i);
                if (flushAlways) {
                    partition.flush(i);
                }
            }
            return;
        }
        int target = numSubpartitions == 1 ? 0 : select(record);
        partition.emitRecord(scratch.getBuffer(), scratch.length(), target);
        if (flushAlways) {
            partition.flush(target);
        }
    }

    private int select(T record) {
        try {
            return partitioner.select(record, numSubpartitions);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ShuffleException("Key extraction failed: " + e, e);
        }
    }

    public void broadcastEvent(RuntimeEvent event) throws IOException {
        partition.broadcastEvent(event);
    }

    public void flushAll() throws IOException {
        partition.flushAll();
    }

    public boolean hasUnflushedData() {
        return partition.hasUnflushedData();
    }

    public long recordsOut() {
        return recordsOut;
    }

    public long bytesOut() {
        return partition.bytesOut();
    }

    public ResultPartition partition() {
        return partition;
    }
}
