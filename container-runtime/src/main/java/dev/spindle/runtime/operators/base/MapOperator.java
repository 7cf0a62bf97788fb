package dev.spindle.runtime.operators.base;

import dev.spindle.api.functions.MapFunction;
import dev.spindle.runtime.operators.UdfOperator;

/** One record out per record in. */
public final class MapOperator<IN, OUT> extends UdfOperator<MapFunction<IN, OUT>, IN, OUT> {

    public MapOperator(MapFunction<IN, OUT> function) {
        super(function);
    }

    @Override
    public void process(IN record) throws Exception {
        OUT result = function.map(record);
        if (result == null) {
            throw new NullPointerException("The map function returned null (records may not be null)");
        }
        output.collect(result);
    }
}
