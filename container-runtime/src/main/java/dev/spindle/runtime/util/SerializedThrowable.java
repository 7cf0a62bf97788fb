package dev.spindle.runtime.util;

import dev.spindle.api.NotRetryable;

/**
 * A copy of an exception that can cross process boundaries without the original's class: it keeps
 * the original class name, message, stack trace and causes. {@link #toString()} reads like the
 * original ({@code java.io.IOException: disk full}).
 */
public final class SerializedThrowable extends Exception {

    private final String originalClassName;
    private final String originalMessage;
    private final boolean notRetryable;

    private SerializedThrowable(Throwable original, SerializedThrowable cause) {
        super(original.getMessage(), cause, false, true);
        this.originalClassName = original.getClass().getName();
        this.originalMessage = original.getMessage();
        this.notRetryable = original instanceof NotRetryable || (cause != null && cause.notRetryable);
        setStackTrace(original.getStackTrace());
    }

    /** Copies a throwable and its cause chain (cycles are cut). */
    public static SerializedThrowable of(Throwable t) {
        if (t instanceof SerializedThrowable st) {
            return st;
        }
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        SerializedThrowable result = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable c = chain.get(i);
            result = c instanceof SerializedThrowable st ? st : new SerializedThrowable(c, result);
        }
        return result;
    }

    /** Whether a restart would only repeat the failure ({@link NotRetryable} anywhere in the chain). */
    public static boolean isNotRetryable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof NotRetryable || (c instanceof SerializedThrowable st && st.notRetryable)) {
                return true;
            }
        }
        return false;
    }

    public String originalClassName() {
        return originalClassName;
    }

    public String originalMessage() {
        return originalMessage;
    }

    @Override
    public String toString() {
        return originalMessage == null ? originalClassName : originalClassName + ": " + originalMessage;
    }
}
