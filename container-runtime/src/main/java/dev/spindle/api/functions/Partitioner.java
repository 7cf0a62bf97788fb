package dev.spindle.api.functions;

/**
 * Chooses the partition (the consumer subtask) of a key, for {@code dataSet.partitionCustom}.
 * Must be deterministic: every producer must send equal keys to the same partition.
 *
 * @param <K> the key type
 */
@FunctionalInterface
public interface Partitioner<K> extends Function {

    /** The partition of {@code key}: from 0 to {@code numPartitions - 1}; anything else fails the job. */
    int partition(K key, int numPartitions);
}
