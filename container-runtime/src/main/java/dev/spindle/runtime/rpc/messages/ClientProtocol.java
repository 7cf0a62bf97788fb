package dev.spindle.runtime.rpc.messages;

import dev.spindle.runtime.client.JobResult;
import java.io.Serializable;
import java.util.List;

/** The messages between a client (bin/run, an API environment) and the JobManager. */
public final class ClientProtocol {

    private ClientProtocol() {
    }

    /** Submit a job; the graph is Java-serialized and read back with a classloader over the jars. */
    public record SubmitJob(long requestId, byte[] serializedJobGraph, List<String> jarPaths) implements Serializable {
    }

    public record JobAccepted(long requestId, String jobId) implements Serializable {
    }

    public record JobRejected(long requestId, String reason) implements Serializable {
    }

    /** Pushed to the submitting connection when the job reaches a terminal state. */
    public record JobFinished(JobResult result) implements Serializable {
    }

    public record CancelJob(String jobId) implements Serializable {
    }

    public record ClusterInfoRequest(long requestId) implements Serializable {
    }

    public record ClusterInfo(long requestId, int taskManagers, int totalSlots, int freeSlots) implements Serializable {
    }
}
