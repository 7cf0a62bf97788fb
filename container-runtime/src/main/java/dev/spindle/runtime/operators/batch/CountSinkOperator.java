package dev.spindle.runtime.operators.batch;

import dev.spindle.api.accumulators.LongCounter;
import dev.spindle.runtime.operators.OneInputOperator;

/** Counts the records of its input into a long counter accumulator (for {@code count()}). */
public final class CountSinkOperator<T> extends OneInputOperator<T, Void> {

    private final String accumulatorName;
    private transient long count;

    public CountSinkOperator(String accumulatorName) {
        this.accumulatorName = accumulatorName;
    }

    @Override
    public void process(T record) {
        count++;
    }

    @Override
    public void close() {
        context.addAccumulator(accumulatorName, new LongCounter(count));
    }
}
