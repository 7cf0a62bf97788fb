package dev.spindle.runtime.operators.base;

import dev.spindle.api.functions.FilterFunction;
import dev.spindle.runtime.operators.UdfOperator;

/** Keeps the records the function accepts. */
public final class FilterOperator<T> extends UdfOperator<FilterFunction<T>, T, T> {

    public FilterOperator(FilterFunction<T> function) {
        super(function);
    }

    @Override
    public void process(T record) throws Exception {
        if (function.filter(record)) {
            output.collect(record);
        }
    }
}
