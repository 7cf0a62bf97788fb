package dev.spindle.api.functions;

/** Sees all records of one parallel partition at once. */
@FunctionalInterface
public interface MapPartitionFunction<IN, OUT> extends Function {
    void mapPartition(Iterable<IN> values, Collector<OUT> out) throws Exception;
}
