package dev.spindle.runtime.shuffle.partition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The result partitions a TaskManager holds, by id and job, so that local and remote consumers can
 * find them. Thread-safe.
 */
public final class ResultPartitionManager {

    private final Map<PartitionId, Entry> partitions = new ConcurrentHashMap<>();

    private record Entry(String jobId, ResultPartition partition) {
    }

    public void register(String jobId, ResultPartition partition) {
        partitions.put(partition.id(), new Entry(jobId, partition));
    }

    /** A view on a registered partition; throws {@link PartitionNotFoundException} if it is not (yet) here. */
    public SubpartitionView createView(PartitionId id, int subpartition, SubpartitionView.AvailabilityListener listener)
            throws IOException {
        Entry entry = partitions.get(id);
        if (entry == null) {
            throw new PartitionNotFoundException(id);
        }
        return entry.partition().createView(subpartition, listener);
    }

    public void release(PartitionId id) {
        Entry entry = partitions.remove(id);
        if (entry != null) {
            entry.partition().release();
        }
    }

    /** Releases all partitions of a job (it ended). */
    public void releaseJob(String jobId) {
        List<PartitionId> ids = new ArrayList<>();
        partitions.forEach((id, e) -> {
            if (e.jobId().equals(jobId)) {
                ids.add(id);
            }
        });
        ids.forEach(this::release);
    }

    public void releaseAll() {
        new ArrayList<>(partitions.keySet()).forEach(this::release);
    }

    public int size() {
        return partitions.size();
    }
}
