package dev.spindle.runtime.testing;

import dev.spindle.runtime.iteration.IterationAggregators;
import dev.spindle.runtime.iteration.SubtaskIteration;
import dev.spindle.api.accumulators.Accumulator;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.memory.MemoryManager;
import dev.spindle.runtime.operators.OperatorContext;
import java.io.File;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator context for tests and for users' unit tests of their functions: one subtask of a
 * chosen parallelism, accumulators and broadcast sets in maps the caller reads and fills, and a
 * managed-memory budget of its own.
 */
public final class TestingOperatorContext implements OperatorContext {

    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    private final Map<String, List<?>> broadcastSets = new HashMap<>();
    private final Configuration configuration = new Configuration();
    private final Object memoryOwner = new Object();
    private MemoryManager memoryManager = new MemoryManager(0, 32 << 10, 1);
    private int managedMemoryPages;
    private File[] tempDirectories = {new File(System.getProperty("java.io.tmpdir"))};
    private int subtaskIndex;
    private int parallelism = 1;
    private SubtaskIteration iteration;
    private IterationAggregators iterationAggregators;
    private boolean keepsArrays;
    private long[] kept;

    /** Subtask {@code index} of {@code parallelism}. */
    public TestingOperatorContext subtask(int index, int parallelism) {
        this.subtaskIndex = index;
        this.parallelism = parallelism;
        return this;
    }

    /** Gives the operator {@code pages} pages of {@code pageSize} bytes of its own memory manager. */
    public TestingOperatorContext managedMemory(int pages, int pageSize) {
        this.memoryManager = new MemoryManager((long) pages * pageSize, pageSize, 1);
        this.managedMemoryPages = pages;
        return this;
    }

    public TestingOperatorContext tempDirectories(File... directories) {
        this.tempDirectories = directories;
        return this;
    }

    public TestingOperatorContext broadcastSet(String name, List<?> records) {
        broadcastSets.put(name, List.copyOf(records));
        return this;
    }

    /**
     * Runs the operator as if inside an iteration whose tasks meet at {@code iteration} (superstep,
     * previous aggregates, feedback buffers and solution set come from there); its aggregators are
     * fresh copies of the iteration's.
     */
    public TestingOperatorContext iteration(SubtaskIteration iteration) {
        this.iteration = iteration;
        this.iterationAggregators = new IterationAggregators(iteration.spec(), getUserCodeClassLoader());
        return this;
    }

    /**
     * Keeps the array an operator gives up for the next operator set up with this context, as the
     * context of an operator in an iteration does from one superstep to the next.
     */
    public TestingOperatorContext keepingArrays() {
        this.keepsArrays = true;
        return this;
    }

    @Override
    public long[] takeKeptArray() {
        long[] array = kept;
        kept = null;
        return array;
    }

    @Override
    public void keepForNextSuperstep(long[] array) {
        if (keepsArrays) {
            kept = array;
        }
    }

    public Map<String, Accumulator<?, ?>> accumulators() {
        return accumulators;
    }

    @Override
    public String operatorName() {
        return "testing operator";
    }

    @Override
    public Configuration jobConfiguration() {
        return configuration;
    }

    @Override
    public File[] tempDirectories() {
        return tempDirectories;
    }

    @Override
    public MemoryManager memoryManager() {
        return memoryManager;
    }

    @Override
    public Object memoryOwner() {
        return memoryOwner;
    }

    @Override
    public int managedMemoryPages() {
        return managedMemoryPages;
    }

    @Override
    public String getTaskName() {
        return "testing task";
    }

    @Override
    public int getIndexOfThisSubtask() {
        return subtaskIndex;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return parallelism;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return Thread.currentThread().getContextClassLoader();
    }

    @Override
    public <V, R extends Serializable> void addAccumulator(String name, Accumulator<V, R> accumulator) {
        if (accumulators.putIfAbsent(name, accumulator) != null) {
            throw new IllegalArgumentException("An accumulator named '" + name + "' already exists");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, R extends Serializable> Accumulator<V, R> getAccumulator(String name) {
        return (Accumulator<V, R>) accumulators.get(name);
    }

    @Override
    public SubtaskIteration iteration() {
        return iteration;
    }

    @Override
    public IterationAggregators iterationAggregators() {
        return iterationAggregators;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> getBroadcastVariable(String name) {
        List<?> records = broadcastSets.get(name);
        if (records == null) {
            throw new IllegalArgumentException("No broadcast set named '" + name + "'");
        }
        return (List<T>) records;
    }
}
