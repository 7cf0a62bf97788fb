package dev.spindle.runtime.operators;

import dev.spindle.api.functions.Collector;

/**
 * A runtime operator: records come in on one or more numbered inputs, records go out to one
 * collector (the next chained operator, the network, or both). Lifecycle:
 * {@code setup -> open -> (processElement)* and endInput per input -> close}, all on the task
 * thread. {@link #endInput} is where batch operators that need all their input (group reduce,
 * sort) emit. {@link #dispose} runs always, also after failures, to free resources.
 *
 * <p>An operator with several inputs may read them in an order of its choosing through
 * {@link #nextInput()}: records of the inputs it does not select wait in their channels, which
 * applies backpressure to their producers. An input that is read completely before another (the
 * build side of a hash join, the buffered side of a cross) must be fed by a blocking edge, so that
 * its producers never wait for this operator; the APIs mark such edges and the compiler keeps the
 * job free of the cycles that could still deadlock.
 */
public abstract class Operator<OUT> {

    /** {@link #nextInput()}: read whichever input has data. */
    public static final int ANY_INPUT = -1;

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

    /**
     * The input to read next: {@link #ANY_INPUT} or the index of one input whose records are wanted
     * before all others. Asked by the task thread before every buffer; an ended input must not be
     * selected.
     */
    public int nextInput() {
        return ANY_INPUT;
    }

    public OperatorContext context() {
        return context;
    }
}
