package dev.spindle.runtime.operators.batch;

import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.runtime.operators.UdfOperator;

/** Reduces all records of its input to one (used for a non-grouped reduce, before and after gathering). */
public final class AllReduceOperator<T> extends UdfOperator<ReduceFunction<T>, T, T> {

    private transient T current;

    public AllReduceOperator(ReduceFunction<T> function) {
        super(function);
    }

    @Override
    public void process(T record) throws Exception {
        current = current == null ? record : function.reduce(current, record);
    }

    @Override
    public void endInput(int input) {
        if (current != null) {
            output.collect(current);
            current = null;
        }
    }
}
