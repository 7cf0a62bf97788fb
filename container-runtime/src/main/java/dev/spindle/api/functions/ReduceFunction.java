package dev.spindle.api.functions;

/** Combines two values into one; must be associative, since it is also applied before the shuffle. */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
    T reduce(T value1, T value2) throws Exception;
}
