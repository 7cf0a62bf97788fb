package dev.spindle.runtime.memory;

/** The managed memory budget cannot satisfy a request; the message says how much is in use and what to change. */
public class MemoryAllocationException extends Exception {

    public MemoryAllocationException(String message) {
        super(message);
    }
}
