package dev.spindle.api.functions;

@FunctionalInterface
public interface MapFunction<IN, OUT> extends Function {
    OUT map(IN value) throws Exception;
}
