package dev.spindle.runtime.task;

import dev.spindle.runtime.iteration.IterationBroker;
import dev.spindle.runtime.memory.MemoryManager;
import dev.spindle.runtime.shuffle.buffer.NetworkBufferPool;
import dev.spindle.runtime.shuffle.netty.ShuffleClient;
import dev.spindle.runtime.shuffle.partition.ResultPartitionManager;
import java.io.File;

/**
 * The TaskManager services a task uses: shuffle memory, the partitions registry, the shuffle
 * client, managed memory, directories for spill and blocking-result files (one per io.tmp.dirs
 * entry), the network settings, and the meeting points of iterations' tasks.
 */
public record TaskEnvironment(
        String taskManagerId,
        NetworkBufferPool networkBufferPool,
        ResultPartitionManager partitionManager,
        ShuffleClient shuffleClient,
        MemoryManager memoryManager,
        File[] tempDirectories,
        int buffersPerOutputChannel,
        int creditsPerInputChannel,
        long partitionRequestTimeoutMillis,
        IterationBroker iterationBroker) {
}
