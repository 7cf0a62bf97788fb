package dev.spindle.runtime.sort;

/** A key could not be extracted from a record or keys could not be compared; the cause is the user's exception. */
public class SortKeyException extends RuntimeException {

    public SortKeyException(String message, Throwable cause) {
        super(message, cause);
    }

    public SortKeyException(String message) {
        super(message);
    }
}
