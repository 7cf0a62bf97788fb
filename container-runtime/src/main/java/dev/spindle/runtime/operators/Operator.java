package dev.spindle.runtime.operators;

import dev.spindle.api.functions.Collector;

/**
 * A runtime operator: records come in on one or more numbered inputs, records go out to one
 * collector (the next chained operator, the network, or both). Lifecycle:
 * {@code setup -> open -> (processElement)* and endInput per input -> close}, all on the task
 * thread. {@link #endInput} is where batch operators that need all their input (group reduce,
 * sort) emit. {@link #dispose} runs always, also after failures, to free resources.
 */
public abstract class Operator<OUT> {

    protected OperatorContext context;
    protected Collector<OUT> output;

    public void setup(OperatorContext context, Collector<OUT> output) {
        this.context = context;
        this.output = output;
    }

    public void open() throws Exception {
    }

    public abstract void processElement(int input, Object record) throws Exception;

    /** No more records will arrive on this input. */
    public void endInput(int input) throws Exception {
    }

    /** Called after all inputs ended and were processed, on success only. */
    public void close() throws Exception {
    }

    /** Frees resources; called once at the end whatever happened. Must not throw. */
    public void dispose() {
    }

    public int numInputs() {
        return 1;
    }

    public OperatorContext context() {
        return context;
    }
}
