package dev.spindle.runtime.rest;

/**
 * A program in an uploaded jar could not be run because of the program or the request, not the
 * cluster (entry class missing, {@code main} threw, no job was executed). The REST API answers
 * 400 with this exception's message, so the message should tell the user what to fix.
 */
public class JarRunException extends Exception {

    private static final long serialVersionUID = 1L;

    public JarRunException(String message) {
        super(message);
    }

    public JarRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
