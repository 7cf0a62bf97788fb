package dev.spindle.runtime.rpc.messages;

import dev.spindle.runtime.task.ExecutionState;
import dev.spindle.runtime.task.TaskDeploymentDescriptor;
import dev.spindle.runtime.task.TaskMetrics;
import dev.spindle.runtime.util.SerializedThrowable;
import java.io.Serializable;

/**
 * The messages between the JobManager and TaskManagers. A TaskManager connects, registers, then
 * heartbeats; the JobManager deploys and cancels tasks and releases the partitions of ended jobs;
 * the TaskManager reports every task's end.
 */
public final class TaskManagerProtocol {

    private TaskManagerProtocol() {
    }

    /** TaskManager to JobManager, first message on a connection. */
    public record RegisterTaskManager(String taskManagerId, String host, int dataPort, int slots, String logFile)
            implements Serializable {
    }

    /** JobManager to TaskManager: registration accepted; heartbeat at this interval. */
    public record RegistrationAccepted(long heartbeatIntervalMillis) implements Serializable {
    }

    public record Heartbeat(String taskManagerId) implements Serializable {
    }

    public record DeployTask(TaskDeploymentDescriptor descriptor) implements Serializable {
    }

    public record CancelTask(String attemptId) implements Serializable {
    }

    /** A task reached a terminal state. Accumulators are Java-serialized with the job's classes. */
    public record TaskEnded(String jobId, String attemptId, ExecutionState state, SerializedThrowable failure,
                            byte[] accumulators, TaskMetrics metrics) implements Serializable {
    }

    public record ReleaseJob(String jobId) implements Serializable {
    }

    /** JobManager to TaskManager: exit (the cluster is stopping). */
    public record Shutdown(String reason) implements Serializable {
    }

    /** A TaskManager asks the JobManager for a shipped jar it has not got yet. */
    public record FetchJar(long requestId, String key) implements Serializable {
    }

    /** The jar's bytes, or null and an error saying why not. */
    public record JarContent(long requestId, byte[] content, String error) implements Serializable {
    }

    /**
     * TaskManager to JobManager: an iteration head finished a superstep. {@code aggregates} is the
     * Java-serialized map of its subtask's aggregator values; {@code nextInputRecords} the records of
     * the next partial solution or workset; {@code criterionRecords} those of the termination criterion;
     * {@code snapshotWritten} whether the subtask wrote its part of the superstep's snapshot.
     */
    public record SuperstepEnded(String jobId, String attemptId, int superstep, byte[] aggregates,
                                 long nextInputRecords, long criterionRecords, boolean snapshotWritten)
            implements Serializable {
    }

    /**
     * JobManager to TaskManager: what an iteration head does after {@code superstep}: stop and emit
     * its result, or go on; {@code aggregates} are the values merged over all subtasks.
     */
    public record SuperstepDecision(String attemptId, int superstep, boolean terminate, byte[] aggregates)
            implements Serializable {
    }
}
