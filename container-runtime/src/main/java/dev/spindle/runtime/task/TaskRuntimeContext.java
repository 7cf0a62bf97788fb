package dev.spindle.runtime.task;

import dev.spindle.api.accumulators.Accumulator;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.operators.OperatorContext;
import java.io.File;
import java.io.Serializable;
import java.util.Map;

/** The {@link OperatorContext} of one operator in a task; accumulators are shared by the whole task. */
final class TaskRuntimeContext implements OperatorContext {

    private final TaskDeploymentDescriptor tdd;
    private final String operatorName;
    private final ClassLoader classLoader;
    private final Map<String, Accumulator<?, ?>> accumulators;
    private final File[] tempDirectories;

    TaskRuntimeContext(TaskDeploymentDescriptor tdd, String operatorName, ClassLoader classLoader,
                       Map<String, Accumulator<?, ?>> accumulators, File[] tempDirectories) {
        this.tdd = tdd;
        this.operatorName = operatorName;
        this.classLoader = classLoader;
        this.accumulators = accumulators;
        this.tempDirectories = tempDirectories;
    }

    @Override
    public String operatorName() {
        return operatorName;
    }

    @Override
    public Configuration jobConfiguration() {
        return tdd.jobConfiguration();
    }

    @Override
    public File[] tempDirectories() {
        return tempDirectories;
    }

    @Override
    public String getTaskName() {
        return tdd.vertexName();
    }

    @Override
    public int getIndexOfThisSubtask() {
        return tdd.subtaskIndex();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return tdd.parallelism();
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return classLoader;
    }

    @Override
    public <V, R extends Serializable> void addAccumulator(String name, Accumulator<V, R> accumulator) {
        if (accumulators.putIfAbsent(name, accumulator) != null) {
            throw new IllegalArgumentException("An accumulator named '" + name + "' already exists in this task");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, R extends Serializable> Accumulator<V, R> getAccumulator(String name) {
        return (Accumulator<V, R>) accumulators.get(name);
    }
}
