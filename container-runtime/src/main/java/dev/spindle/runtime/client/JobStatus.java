package dev.spindle.runtime.client;

/**
 * The lifecycle of a job on the JobManager. Allowed transitions:
 * <pre>
 * CREATED -> RUNNING -> FINISHED
 * CREATED | RUNNING -> FAILING -> FAILED
 * RUNNING -> RESTARTING -> RUNNING   (a task failed; the restart strategy allows another attempt)
 * CREATED | RUNNING | RESTARTING -> CANCELLING -> CANCELED
 * </pre>
 */
public enum JobStatus {
    CREATED, RUNNING, RESTARTING, FAILING, CANCELLING, FINISHED, FAILED, CANCELED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
