package dev.spindle.runtime.task;

/** An exception thrown by an operator (usually by user code in it), labelled with the operator's name. */
public final class OperatorFailure extends RuntimeException {

    private final String operatorName;

    public OperatorFailure(String operatorName, Throwable cause) {
        super("Operator '" + operatorName + "' failed: " + cause, cause);
        this.operatorName = operatorName;
    }

    public String operatorName() {
        return operatorName;
    }
}
