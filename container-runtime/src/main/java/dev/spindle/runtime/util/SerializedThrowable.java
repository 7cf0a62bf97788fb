package dev.spindle.runtime.util;

/**
 * A copy of an exception that can cross process boundaries without the original's class: it keeps
 * the original class name, message, stack trace and causes. {@link #toString()} reads like the
 * original ({@code java.io.IOException: disk full}).
 */
public final class SerializedThrowable extends Exception {

    private final String originalClassName;
    private final String originalMessage;

    private SerializedThrowable(Throwable original, SerializedThrowable cause) {
        super(original.getMessage(), cause, false, true);
        this.originalClassName = original.getClass().getName();
        this.originalMessage = original.getMessage();
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
