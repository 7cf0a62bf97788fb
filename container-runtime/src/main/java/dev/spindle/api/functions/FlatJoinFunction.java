package dev.spindle.api.functions;

/**
 * Turns a pair of joined records into any number of results. In an outer join the side without a
 * match is {@code null}.
 */
@FunctionalInterface
public interface FlatJoinFunction<L, R, O> extends Function {
    void join(L first, R second, Collector<O> out) throws Exception;
}
