package dev.spindle.runtime.task;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.shuffle.partition.PartitionId;
import java.io.Serializable;
import java.util.List;

/**
 * Everything a TaskManager needs to run one subtask attempt. The vertex's code ({@link TaskSpec})
 * and the input splits stay serialized until the task has its job's classloader.
 */
public record TaskDeploymentDescriptor(
        String jobId,
        String jobName,
        String attemptId,
        int vertexId,
        String vertexName,
        int subtaskIndex,
        int parallelism,
        byte[] serializedTaskSpec,
        byte[] serializedSplits,
        List<String> jarPaths,
        List<InputDescriptor> inputs,
        List<OutputDescriptor> outputs,
        Configuration jobConfiguration) implements Serializable {

    /** One input edge: the channels to read, one per producer subpartition. */
    public record InputDescriptor(int edgeId, int inputIndex, List<ChannelDescriptor> channels) implements Serializable {
    }

    /** Where one producer subpartition lives. */
    public record ChannelDescriptor(PartitionId partitionId, int subpartition, String producerTaskManagerId,
                                    String host, int dataPort) implements Serializable {
    }

    /** One output edge: the partition this subtask produces. */
    public record OutputDescriptor(int edgeId, int outputIndex, int numSubpartitions, ExchangeMode mode)
            implements Serializable {
    }

    public String taskNameWithSubtask() {
        return vertexName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
    }
}
