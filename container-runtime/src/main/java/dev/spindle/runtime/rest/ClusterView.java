package dev.spindle.runtime.rest;

import dev.spindle.runtime.client.JobStatus;
import dev.spindle.runtime.task.ExecutionState;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The REST server's only window into the cluster. The JobManager implements it.
 *
 * <p>Threading: every method is called from a Netty I/O thread and must not block; an implementation
 * hops to its own thread and completes the returned future from there. The returned data is
 * immutable. A future that fails with anything but {@link JarRunException} becomes a 500 response.
 */
public interface ClusterView {

    CompletableFuture<Overview> overview();

    /** All jobs the cluster knows, running and ended. */
    CompletableFuture<List<JobSummary>> jobs();

    /** One job, or empty if the id is unknown. */
    CompletableFuture<Optional<JobDetails>> job(String jobId);

    /** Asks a job to cancel; completes with false if the id is unknown (cancelling an ended job is a no-op). */
    CompletableFuture<Boolean> cancelJob(String jobId);

    CompletableFuture<List<TaskManagerInfo>> taskManagers();

    /**
     * Runs the program in an uploaded jar and completes with the id of the job it submitted. Fails
     * with {@link JarRunException} when the fault lies with the program or the request (no entry
     * class, main threw, no job executed); its message is shown to the user.
     */
    CompletableFuture<String> runJar(JarRun request);

    /** Shuts the whole cluster down; called after the 202 response has been written. */
    CompletableFuture<Void> shutDown();

    record Overview(int taskManagers, int totalSlots, int freeSlots, int jobsRunning, int jobsFinished,
                    int jobsFailed, int jobsCancelled, String version) {
    }

    /** Times are epoch milliseconds; {@code endTime} is -1 while the job has not ended. */
    record JobSummary(String id, String name, JobStatus status, long startTime, long endTime)
            implements Serializable {
    }

    /** Times as in {@link JobSummary}; {@code failure} is the one-line summary of a failed job's cause, else null. */
    record JobDetails(String id, String name, JobStatus status, long startTime, long endTime,
                      List<VertexDetails> vertices, String failure) {
        public JobDetails {
            vertices = List.copyOf(vertices);
        }
    }

    /** Metrics are summed over the vertex's subtasks. */
    record VertexDetails(String id, String name, int parallelism, ExecutionState status,
                         long recordsIn, long recordsOut, long bytesIn, long bytesOut) {
    }

    /** {@code address} is {@code host:port}; {@code lastHeartbeat} is epoch milliseconds. */
    record TaskManagerInfo(String id, String address, int slots, int freeSlots, long lastHeartbeat) {
    }

    /** {@code entryClass} and {@code parallelism} are null when the user did not give them. */
    record JarRun(Path jar, String entryClass, List<String> programArgs, Integer parallelism) {
        public JarRun {
            programArgs = List.copyOf(programArgs);
        }
    }
}
