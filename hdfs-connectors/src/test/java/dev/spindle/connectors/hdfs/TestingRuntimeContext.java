package dev.spindle.connectors.hdfs;

import dev.spindle.api.accumulators.Accumulator;
import dev.spindle.api.functions.RuntimeContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** A runtime context of subtask 0 of 1 that keeps registered accumulators in a map the test can read. */
public final class TestingRuntimeContext implements RuntimeContext {

    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();

    public Map<String, Accumulator<?, ?>> accumulators() {
        return accumulators;
    }

    @Override
    public String getTaskName() {
        return "testing task";
    }

    @Override
    public int getIndexOfThisSubtask() {
        return 0;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return 1;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public <V, R extends Serializable> void addAccumulator(String name, Accumulator<V, R> accumulator) {
        if (accumulators.putIfAbsent(name, accumulator) != null) {
            throw new IllegalArgumentException("Accumulator '" + name + "' exists");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, R extends Serializable> Accumulator<V, R> getAccumulator(String name) {
        return (Accumulator<V, R>) accumulators.get(name);
    }
}
