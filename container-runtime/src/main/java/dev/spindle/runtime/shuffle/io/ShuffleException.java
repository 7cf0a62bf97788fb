package dev.spindle.runtime.shuffle.io;

/** A failure moving records between tasks (writing, reading, or the connection between TaskManagers). */
public class ShuffleException extends RuntimeException {
    public ShuffleException(String message, Throwable cause) {
        super(message, cause);
    }

    public ShuffleException(String message) {
        super(message);
    }
}
