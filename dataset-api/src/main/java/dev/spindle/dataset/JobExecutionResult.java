package dev.spindle.dataset;

import java.util.Collections;
import java.util.Map;

/** What a finished job returns: its id, how long it ran, and the final values of its accumulators. */
public final class JobExecutionResult {

    private final String jobId;
    private final long runtimeMillis;
    private final Map<String, Object> accumulators;

    public JobExecutionResult(String jobId, long runtimeMillis, Map<String, Object> accumulators) {
        this.jobId = jobId;
        this.runtimeMillis = runtimeMillis;
        this.accumulators = Collections.unmodifiableMap(accumulators);
    }

    public String getJobId() {
        return jobId;
    }

    public long getNetRuntime() {
        return runtimeMillis;
    }

    @SuppressWarnings("unchecked")
    public <T> T getAccumulatorResult(String name) {
        return (T) accumulators.get(name);
    }

    /** All user accumulators (internal ones used by collect() and count() are left out). */
    public Map<String, Object> getAllAccumulatorResults() {
        return accumulators;
    }
}
