package dev.spindle.api.aggregators;

import java.io.Serializable;

/**
 * A value that the functions of an iteration add to during a superstep and that the iteration
 * merges over all subtasks at the superstep's end: the merged value is what
 * {@code RuntimeContext.getPreviousIterationAggregate(name)} returns in the next superstep, and
 * what a {@link ConvergenceCriterion} judges. Registered on the iteration under a name; each task
 * gets its own instance, reset at the start of every superstep.
 *
 * <p>{@link #aggregate} must be associative and commutative: it adds a function's values and it
 * merges the values of other instances.
 */
public interface Aggregator<T extends Serializable> extends Serializable {

    /** The value so far. */
    T getAggregate();

    /** Adds a value, or the value of another instance of this aggregator. */
    void aggregate(T element);

    /** Back to the neutral value. */
    void reset();
}
