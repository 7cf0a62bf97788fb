package dev.spindle.api.functions;

/**
 * Sees, for each key, the records of both inputs that carry it: {@code first} from the first input,
 * {@code second} from the second; a key present in one input only comes with an empty iterable for
 * the other. Each iterable can be iterated once; it may hold more records than fit in memory.
 */
@FunctionalInterface
public interface CoGroupFunction<L, R, O> extends Function {
    void coGroup(Iterable<L> first, Iterable<R> second, Collector<O> out) throws Exception;
}
