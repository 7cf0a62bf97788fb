package dev.spindle.runtime.task;

import dev.spindle.runtime.iteration.IterationAggregators;
import dev.spindle.runtime.iteration.SubtaskIteration;
import dev.spindle.api.accumulators.Accumulator;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.memory.MemoryManager;
import dev.spindle.runtime.operators.OperatorContext;
import java.io.File;
import java.io.Serializable;
import java.util.List;

/** The {@link OperatorContext} of one operator in a task; everything but its name and memory share is the task's. */
final class TaskRuntimeContext implements OperatorContext {

    private final TaskResources task;
    private final String operatorName;
    /** The operator's place in its chain; -1 for the context of an input format. */
    private final int position;
    private final int managedMemoryPages;

    TaskRuntimeContext(TaskResources task, String operatorName, int position, int managedMemoryPages) {
        this.task = task;
        this.operatorName = operatorName;
        this.position = position;
        this.managedMemoryPages = managedMemoryPages;
    }

    @Override
    public String operatorName() {
        return operatorName;
    }

    @Override
    public Configuration jobConfiguration() {
        return task.tdd.jobConfiguration();
    }

    @Override
    public File[] tempDirectories() {
        return task.tempDirectories;
    }

    @Override
    public MemoryManager memoryManager() {
        return task.memoryManager;
    }

    @Override
    public Object memoryOwner() {
        return task;
    }

    @Override
    public int managedMemoryPages() {
        return managedMemoryPages;
    }

    @Override
    public long[] takeKeptArray() {
        return task.keptArrays.remove(position);
    }

    @Override
    public void keepForNextSuperstep(long[] array) {
        if (task.iteration != null && position >= 0 && array != null) {
            task.keptArrays.put(position, array);
        }
    }

    @Override
    public String getTaskName() {
        return task.tdd.vertexName();
    }

    @Override
    public int getIndexOfThisSubtask() {
        return task.tdd.subtaskIndex();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return task.tdd.parallelism();
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return task.classLoader;
    }

    /**
     * Registers an accumulator. In an iteration, whose operators are created anew every superstep,
     * registering a name again with an accumulator of the same class takes the earlier value over.
     */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <V, R extends Serializable> void addAccumulator(String name, Accumulator<V, R> accumulator) {
        Accumulator<?, ?> existing = task.accumulators.putIfAbsent(name, accumulator);
        if (existing == null) {
            return;
        }
        if (task.iteration == null || existing.getClass() != accumulator.getClass()) {
            throw new IllegalArgumentException("An accumulator named '" + name + "' already exists in this task");
        }
        ((Accumulator) accumulator).merge(existing);
        task.accumulators.put(name, accumulator);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, R extends Serializable> Accumulator<V, R> getAccumulator(String name) {
        return (Accumulator<V, R>) task.accumulators.get(name);
    }

    @Override
    public SubtaskIteration iteration() {
        return task.iteration;
    }

    @Override
    public IterationAggregators iterationAggregators() {
        return task.iterationAggregators;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> getBroadcastVariable(String name) {
        List<Object> records = task.broadcastSets.get(name);
        if (records == null) {
            throw new IllegalArgumentException("Operator '" + operatorName + "' has no broadcast set named '" + name
                    + "'; broadcast sets: " + task.broadcastSets.keySet());
        }
        return (List<T>) records;
    }
}
