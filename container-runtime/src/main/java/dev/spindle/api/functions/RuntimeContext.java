package dev.spindle.api.functions;

import dev.spindle.api.accumulators.Accumulator;

/** What a rich function can learn about, and contribute to, the task it runs in. */
public interface RuntimeContext {

    String getTaskName();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    /** The classloader of the job's code. */
    ClassLoader getUserCodeClassLoader();

    /**
     * Registers an accumulator under a name; values of all subtasks are merged and returned in the
     * job result.
     */
    <V, R extends java.io.Serializable> void addAccumulator(String name, Accumulator<V, R> accumulator);

    <V, R extends java.io.Serializable> Accumulator<V, R> getAccumulator(String name);

    /**
     * All records of the broadcast set registered under {@code name} (for example with
     * {@code withBroadcastSet(dataSet, name)}), complete before the function is opened.
     *
     * @throws IllegalArgumentException if the operator has no broadcast set of that name
     */
    <T> java.util.List<T> getBroadcastVariable(String name);

    /**
     * The superstep this function runs in, counting from 1.
     *
     * @throws IllegalStateException outside an iteration
     */
    int getSuperstepNumber();

    /**
     * This task's instance of the aggregator registered on the iteration under {@code name}, to add
     * this superstep's values to.
     *
     * @throws IllegalStateException outside an iteration
     * @throws IllegalArgumentException if the iteration has no aggregator of that name
     */
    <A extends dev.spindle.api.aggregators.Aggregator<?>> A getIterationAggregator(String name);

    /**
     * The value of the aggregator {@code name} merged over all subtasks at the end of the previous
     * superstep; null in the first superstep.
     *
     * @throws IllegalStateException outside an iteration
     */
    <T extends java.io.Serializable> T getPreviousIterationAggregate(String name);
}
