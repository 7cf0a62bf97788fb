package dev.spindle.runtime.operators;

import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.iteration.SubtaskIteration;
import dev.spindle.runtime.memory.MemoryManager;
import java.io.File;

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
}
