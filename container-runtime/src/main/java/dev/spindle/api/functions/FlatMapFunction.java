package dev.spindle.api.functions;

@FunctionalInterface
public interface FlatMapFunction<IN, OUT> extends Function {
    void flatMap(IN value, Collector<OUT> out) throws Exception;
}
