package dev.spindle.api.accumulators;

import java.io.Serializable;

/**
 * A value that subtasks add to and the JobManager merges across subtasks; the merged result is
 * part of the job result.
 *
 * @param <V> what is added
 * @param <R> the result type
 */
public interface Accumulator<V, R extends Serializable> extends Serializable {

    void add(V value);

    R getLocalValue();

    void resetLocal();

    /** Merges another accumulator of the same kind into this one. */
    void merge(Accumulator<V, R> other);

    Accumulator<V, R> copy();
}
