package dev.spindle.api.functions;

/** Sees all values of one group at once. */
@FunctionalInterface
public interface GroupReduceFunction<IN, OUT> extends Function {
    void reduce(Iterable<IN> values, Collector<OUT> out) throws Exception;
}
