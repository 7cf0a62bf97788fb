package dev.spindle.runtime.config;

/** A setting has a value that cannot be used; the message names the key. */
public class IllegalConfigurationException extends RuntimeException {
    public IllegalConfigurationException(String message) {
        super(message);
    }
}
