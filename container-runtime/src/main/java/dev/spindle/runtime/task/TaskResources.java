package dev.spindle.runtime.task;

import dev.spindle.runtime.iteration.IterationAggregators;
import dev.spindle.runtime.iteration.SubtaskIteration;
import dev.spindle.api.accumulators.Accumulator;
import dev.spindle.runtime.memory.MemoryManager;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operators of one task attempt share: its descriptor and classloader, its accumulators,
 * its spill directories, the TaskManager's managed memory (pages are owned by this object and given
 * back when the task ends), the broadcast sets read before the operators open and, in an iteration,
 * the iteration's aggregators and meeting point. Task thread only.
 */
final class TaskResources {

    final TaskDeploymentDescriptor tdd;
    final ClassLoader classLoader;
    final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    final Map<String, List<Object>> broadcastSets = new HashMap<>();
    final File[] tempDirectories;
    final MemoryManager memoryManager;
    /** In an iteration's task: this task's aggregators and its subtask's meeting point; null elsewhere. */
    IterationAggregators iterationAggregators;
    SubtaskIteration iteration;
    /** In an iteration's task: the array each operator (by its place in the chain) kept for the next superstep. */
    final Map<Integer, long[]> keptArrays = new HashMap<>();

    TaskResources(TaskDeploymentDescriptor tdd, ClassLoader classLoader, File[] tempDirectories,
                  MemoryManager memoryManager) {
        this.tdd = tdd;
        this.classLoader = classLoader;
        this.tempDirectories = tempDirectories;
        this.memoryManager = memoryManager;
    }

    /** The pages of a slot's managed memory that an operator with this share may take. */
    int managedMemoryPages(double fraction) {
        return (int) Math.floor(memoryManager.pagesPerSlot() * fraction);
    }

    /** Gives back all managed memory of this task; returns the number of pages that were still held. */
    int releaseMemory() {
        return memoryManager.releaseAll(this);
    }

    @Override
    public String toString() {
        return tdd.taskNameWithSubtask() + " [" + tdd.attemptId() + "]";
    }
}
