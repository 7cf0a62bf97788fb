package dev.spindle.runtime.operators;

import dev.spindle.api.functions.Function;

/** An operator around one user function: opens it with the runtime context and closes it. */
public abstract class UdfOperator<F extends Function, IN, OUT> extends OneInputOperator<IN, OUT> {

    protected final F function;

    protected UdfOperator(F function) {
        this.function = function;
    }

    @Override
    public void open() throws Exception {
        FunctionUtils.open(function, context);
    }

    @Override
    public void close() throws Exception {
        FunctionUtils.close(function);
    }
}
