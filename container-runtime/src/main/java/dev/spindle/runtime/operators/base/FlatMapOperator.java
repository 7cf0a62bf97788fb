package dev.spindle.runtime.operators.base;

import dev.spindle.api.functions.FlatMapFunction;
import dev.spindle.runtime.operators.UdfOperator;

/** Any number of records out per record in. */
public final class FlatMapOperator<IN, OUT> extends UdfOperator<FlatMapFunction<IN, OUT>, IN, OUT> {

    public FlatMapOperator(FlatMapFunction<IN, OUT> function) {
        super(function);
    }

    @Override
    public void process(IN record) throws Exception {
        function.flatMap(record, output);
    }
}
