package dev.spindle.runtime.iteration;

import java.io.IOException;

/**
 * A {@link SolutionSetTable} cannot hold another record within its managed-memory pages, even after
 * compacting them. The message says how much memory the table had and which setting gives it more.
 */
public final class SolutionSetFullException extends IOException {

    public SolutionSetFullException(String message) {
        super(message);
    }
}
