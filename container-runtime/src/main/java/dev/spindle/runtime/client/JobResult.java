package dev.spindle.runtime.client;

import dev.spindle.runtime.util.SerializedThrowable;
import java.io.Serializable;

/**
 * How a job ended: status, duration, merged accumulators (Java-serialized
 * {@code Map<String, Object>} of final values, read with the job's classloader) and, if it failed,
 * the root cause.
 */
public record JobResult(String jobId, String jobName, JobStatus status, long durationMillis,
                        byte[] serializedAccumulators, SerializedThrowable failure, String failureSummary)
        implements Serializable {

    /** Accumulators whose names start with this are the APIs' own (collect, count); they are not shown to users. */
    public static final String INTERNAL_ACCUMULATOR_PREFIX = "__spindle_";

    public boolean isSuccess() {
        return status == JobStatus.FINISHED;
    }

    /** A result that only says the job was submitted: the client did not wait for it (detached). */
    public static JobResult detached(String jobId, String jobName) {
        return new JobResult(jobId, jobName, JobStatus.RUNNING, 0, null, null, null);
    }

    public boolean isDetached() {
        return status == JobStatus.RUNNING || status == JobStatus.CREATED;
    }
}
