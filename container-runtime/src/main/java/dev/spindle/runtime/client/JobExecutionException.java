package dev.spindle.runtime.client;

/** A job did not finish successfully; the message is the one-line root cause. */
public class JobExecutionException extends Exception {

    private final JobResult result;

    public JobExecutionException(JobResult result) {
        super("Job '" + result.jobName() + "' " + result.status().name().toLowerCase(java.util.Locale.ROOT)
                + (result.failureSummary() == null ? "" : ": " + result.failureSummary()), result.failure());
        this.result = result;
    }

    public JobResult result() {
        return result;
    }
}
