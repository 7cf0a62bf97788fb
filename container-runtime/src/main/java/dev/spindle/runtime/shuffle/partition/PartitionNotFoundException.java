package dev.spindle.runtime.shuffle.partition;

import java.io.IOException;

/** The consumer asked before the producer registered its partition (or after it was released). */
public final class PartitionNotFoundException extends IOException {
    public PartitionNotFoundException(PartitionId id) {
        super("Result partition " + id + " not found");
    }
}
