package dev.spindle.runtime.operators.sort;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.GroupReduceFunction;

/** Emits the first {@code n} records of each group, in the order the group is handed over. */
public final class FirstNGroupReducer<T> implements GroupReduceFunction<T, T> {

    private final long n;

    public FirstNGroupReducer(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("first(n) needs n >= 1, got " + n);
        }
        this.n = n;
    }

    @Override
    public void reduce(Iterable<T> values, Collector<T> out) {
        long emitted = 0;
        for (T value : values) {
            if (emitted++ == n) {
                return;
            }
            out.collect(value);
        }
    }
}
