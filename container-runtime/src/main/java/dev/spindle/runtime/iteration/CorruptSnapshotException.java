package dev.spindle.runtime.iteration;

import dev.spindle.api.NotRetryable;
import java.io.IOException;

/** A superstep snapshot cannot be restored; restarting would only fail again on it. */
public final class CorruptSnapshotException extends IOException implements NotRetryable {

    public CorruptSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
