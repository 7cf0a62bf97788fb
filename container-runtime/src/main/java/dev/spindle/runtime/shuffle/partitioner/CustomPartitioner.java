package dev.spindle.runtime.shuffle.partitioner;

import dev.spindle.api.NotRetryable;
import dev.spindle.api.functions.KeySelector;

/**
 * Routes each record by a user's {@link dev.spindle.api.functions.Partitioner} applied to its key,
 * and checks the answer: a partition outside {@code [0, numSubpartitions)} fails the job with a
 * {@link PartitionOutOfRangeException} that names the partitioner, the key and the valid range.
 */
public final class CustomPartitioner<T, K> implements Partitioner<T> {

    private final dev.spindle.api.functions.Partitioner<K> partitioner;
    private final KeySelector<T, K> keySelector;

    public CustomPartitioner(dev.spindle.api.functions.Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        this.partitioner = partitioner;
        this.keySelector = keySelector;
    }

    @Override
    public int select(T record, int numSubpartitions) throws Exception {
        K key = keySelector.getKey(record);
        int partition = partitioner.partition(key, numSubpartitions);
        if (partition < 0 || partition >= numSubpartitions) {
            throw new PartitionOutOfRangeException("Partitioner " + partitioner.getClass().getName()
                    + " returned partition " + partition + " for key '" + key + "', but there are "
                    + numSubpartitions + " partitions (0.." + (numSubpartitions - 1) + ")");
        }
        return partition;
    }

    @Override
    public String name() {
        return "CUSTOM";
    }

    /** A user's partitioner chose a partition that does not exist; a restart would repeat it. */
    public static final class PartitionOutOfRangeException extends IllegalArgumentException implements NotRetryable {
        PartitionOutOfRangeException(String message) {
            super(message);
        }
    }
}
