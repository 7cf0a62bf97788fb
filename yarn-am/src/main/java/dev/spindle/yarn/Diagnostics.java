package dev.spindle.yarn;

import dev.spindle.runtime.util.ExceptionUtils;

/** Shortens what YARN and Hadoop report (multi-line diagnostics, nested exceptions) to one line. */
public final class Diagnostics {

    private Diagnostics() {
    }

    /** The first line of a diagnostics text; empty for null. */
    public static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }

    /** The first line of the innermost cause's message (its class name if it has none). */
    public static String rootMessage(Throwable e) {
        Throwable root = ExceptionUtils.rootCause(e);
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : firstLine(m);
    }
}
