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

    public boolean isSuccess() {
        return status == JobStatus.FINISHED;
    }
}
