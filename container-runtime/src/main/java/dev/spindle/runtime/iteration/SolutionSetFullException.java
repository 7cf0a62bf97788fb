package dev.spindle.runtime.iteration;

import dev.spindle.api.NotRetryable;
import java.io.IOException;

/**
 * A {@link SolutionSetTable} cannot hold another record within its managed-memory pages, even after
 * compacting them. The message says how much memory the table had and which setting gives it more.
 * Restarting the job would only fill it again, so the job fails at once.
 */
public final class SolutionSetFullException extends IOException implements NotRetryable {

    public SolutionSetFullException(String message) {
        super(message);
    }
}
