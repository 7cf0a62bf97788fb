package dev.spindle.runtime.jobmanager;

import dev.spindle.runtime.task.OperatorFailure;
import dev.spindle.runtime.util.ExceptionUtils;
import dev.spindle.runtime.util.SerializedThrowable;

/** Turns a job's first failure into the one line the user reads. */
final class FailureSummaries {

    private FailureSummaries() {
    }

    static String summarize(Throwable failure, String taskDescription) {
        String operatorName = null;
        Throwable userCause = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isOperatorFailure(t)) {
                operatorName = operatorName(t);
                userCause = t.getCause();
                break;
            }
        }
        if (operatorName != null && userCause != null) {
            String text = "Operator '" + operatorName + "' threw " + userCause;
            Throwable root = ExceptionUtils.rootCause(userCause);
            if (root != userCause) {
                text += " (caused by " + root + ")";
            }
            return text + (taskDescription == null ? "" : " in task " + taskDescription);
        }
        Throwable root = ExceptionUtils.rootCause(failure);
        String text = root.toString();
        return taskDescription == null ? text : "Task " + taskDescription + " failed: " + text;
    }

    private static boolean isOperatorFailure(Throwable t) {
        return t instanceof OperatorFailure
                || (t instanceof SerializedThrowable st && st.originalClassName().equals(OperatorFailure.class.getName()));
    }

    private static String operatorName(Throwable t) {
        if (t instanceof OperatorFailure of) {
            return of.operatorName();
        }
        String message = t.getMessage();
        int start = message.indexOf('\'');
        int end = message.indexOf("' failed:");
        return start >= 0 && end > start ? message.substring(start + 1, end) : "?";
    }
}
