package dev.spindle.runtime.operators;

import dev.spindle.api.aggregators.Aggregator;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.iteration.IterationAggregators;
import dev.spindle.runtime.iteration.SubtaskIteration;
import dev.spindle.runtime.memory.MemoryManager;
import java.io.File;
import java.io.Serializable;

/** What an operator can see of its task. Used from the task thread only. */
public interface OperatorContext extends RuntimeContext {

    /** The operator's display name (for example {@code FlatMap (Tokenizer)}). */
    String operatorName();

    Configuration jobConfiguration();

    /** Local directories for spill files, spread over the TaskManager's io.tmp.dirs; removed when the task ends. */
    File[] tempDirectories();

    /** The TaskManager's managed memory: the working memory of sorting, hash joins and hash aggregation. */
    MemoryManager memoryManager();

    /**
     * The owner under which this operator takes pages from {@link #memoryManager()}: the task
     * attempt, which gives back everything it owns when it ends, also after a failure.
     */
    Object memoryOwner();

    /**
     * This operator's share of its slot's managed memory, in pages: the slot's pages divided among
     * the operators of the slot's tasks by their managed-memory weight (0 for an operator whose plan
     * node declared none).
     */
    int managedMemoryPages();

    /**
     * Where the tasks of this operator's iteration meet in this TaskManager (the superstep, the
     * feedback buffers, the solution set); null outside an iteration.
     */
    SubtaskIteration iteration();

    /** This task's instances of its iteration's aggregators; null outside an iteration. */
    IterationAggregators iterationAggregators();

    /**
     * The array that this operator's instance of the previous superstep kept
     * ({@link #keepForNextSuperstep}), or null. An iteration creates its operators anew every
     * superstep; a hash table that grew to about the same size in each can start at that size in the
     * array of the last, rather than grow through every size again and leave the garbage collector
     * a large young array to copy every time. Null outside an iteration.
     */
    default long[] takeKeptArray() {
        return null;
    }

    /** Keeps {@code array} for {@link #takeKeptArray} in the next superstep; dropped outside an iteration. */
    default void keepForNextSuperstep(long[] array) {
    }

    @Override
    default int getSuperstepNumber() {
        return requireIteration().superstep();
    }

    @Override
    @SuppressWarnings("unchecked")
    default <A extends Aggregator<?>> A getIterationAggregator(String name) {
        requireIteration();
        return (A) iterationAggregators().get(name);
    }

    @Override
    @SuppressWarnings("unchecked")
    default <T extends Serializable> T getPreviousIterationAggregate(String name) {
        return (T) requireIteration().previousAggregates().get(name);
    }

    /** {@link #iteration()}, for operators that only run inside one: fails clearly elsewhere. */
    default SubtaskIteration requireIteration() {
        SubtaskIteration iteration = iteration();
        if (iteration == null) {
            throw new IllegalStateException("'" + operatorName() + "' does not run inside an iteration");
        }
        return iteration;
    }
}
