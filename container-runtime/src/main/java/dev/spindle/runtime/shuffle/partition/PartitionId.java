package dev.spindle.runtime.shuffle.partition;

import java.io.Serializable;

/**
 * Names one result partition: the output {@code outputIndex} of the task attempt
 * {@code producerAttempt}. A partition has one subpartition per consumer subtask.
 */
public record PartitionId(String producerAttempt, int outputIndex) implements Serializable {

    @Override
    public String toString() {
        return producerAttempt + "#" + outputIndex;
    }
}
