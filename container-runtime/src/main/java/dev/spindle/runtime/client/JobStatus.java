package dev.spindle.runtime.client;

/**
 * The lifecycle of a job on the JobManager. Allowed transitions:
 * <pre>
 * CREATED -> RUNNING -> FINISHED
 * CREATED | RUNNING -> FAILING -> FAILED
 * CREATED | RUNNING -> CANCELLING -> CANCELED
 * </pre>
 */
public enum JobStatus {
    CREATED, RUNNING, FAILING, CANCELLING, FINISHED, FAILED, CANCELED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
