package dev.spindle.runtime.rpc.messages;

import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.rest.ClusterView.JobSummary;
import java.io.Serializable;
import java.util.List;

/**
 * The messages between a client (bin/run, an API environment, bin/yarn-session) and the
 * JobManager. Every request carries an id that its {@link Reply} repeats.
 */
public final class ClientProtocol {

    private ClientProtocol() {
    }

    /** An answer to the request with the same id. */
    public interface Reply extends Serializable {
        long requestId();
    }

    /** Submit a job; the graph is Java-serialized and read back with a classloader over the jars. */
    public record SubmitJob(long requestId, byte[] serializedJobGraph, List<String> jarPaths) implements Serializable {
    }

    public record JobAccepted(long requestId, String jobId) implements Reply {
    }

    /** Pushed to the submitting connection when the job reaches a terminal state. */
    public record JobFinished(JobResult result) implements Serializable {
    }

    /** Ship a jar to the JobManager, which stores it by content hash for TaskManagers to fetch. */
    public record PutJar(long requestId, byte[] content) implements Serializable {
    }

    /** {@code reference} is the {@code blob:} path to submit the job with. */
    public record JarStored(long requestId, String reference) implements Reply {
    }

    public record ListJobs(long requestId) implements Serializable {
    }

    public record JobList(long requestId, List<JobSummary> jobs) implements Reply {
    }

    public record CancelJob(long requestId, String jobId) implements Serializable {
    }

    /** {@code known} is false if the JobManager never heard of the job. */
    public record CancelResult(long requestId, boolean known) implements Reply {
    }

    /** Stop the whole cluster (a session); {@code reason} ends up in the application's diagnostics. */
    public record StopCluster(long requestId, String reason) implements Serializable {
    }

    public record StopAccepted(long requestId) implements Reply {
    }

    /** The request could not be served; {@code message} says why. */
    public record RequestFailed(long requestId, String message) implements Reply {
    }
}
