package dev.spindle.runtime.util;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Helpers for turning failures into the one line a user reads. */
public final class ExceptionUtils {

    private ExceptionUtils() {
    }

    public static String stackTrace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    /** The innermost cause. */
    public static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** Rethrows errors and runtime exceptions as they are, wraps anything else. */
    public static RuntimeException asRuntime(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof RuntimeException r) {
            return r;
        }
        return new RuntimeException(t);
    }
}
