package dev.spindle.runtime.operators.sort;

import dev.spindle.runtime.operators.OneInputOperator;

/** Passes on the first {@code n} records of its partition and drops the rest. Task thread only. */
public final class FirstNOperator<T> extends OneInputOperator<T, T> {

    private final long n;
    private transient long emitted;

    public FirstNOperator(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("first(n) needs n >= 1, got " + n);
        }
        this.n = n;
    }

    @Override
    public void process(T record) {
        if (emitted < n) {
            emitted++;
            output.collect(record);
        }
    }
}
