package dev.spindle.runtime.task;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a subtask attempt. Allowed transitions:
 * <pre>
 * CREATED -> SCHEDULED -> DEPLOYING -> RUNNING -> FINISHED
 * any non-terminal -> CANCELING -> CANCELED
 * any non-terminal -> FAILED
 * </pre>
 */
public enum ExecutionState {
    CREATED, SCHEDULED, DEPLOYING, RUNNING, FINISHED, CANCELING, CANCELED, FAILED;

    private static final Set<ExecutionState> TERMINAL = EnumSet.of(FINISHED, CANCELED, FAILED);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    public boolean canMoveTo(ExecutionState next) {
        if (isTerminal()) {
            return false;
        }
        return switch (next) {
            case CREATED -> false;
            case SCHEDULED -> this == CREATED;
            case DEPLOYING -> this == SCHEDULED;
            case RUNNING -> this == DEPLOYING;
            case FINISHED -> this == RUNNING || this == DEPLOYING;
            case CANCELING -> true;
            case CANCELED, FAILED -> true;
        };
    }
}
