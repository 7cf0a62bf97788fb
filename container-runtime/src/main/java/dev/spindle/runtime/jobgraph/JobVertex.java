package dev.spindle.runtime.jobgraph;

import dev.spindle.runtime.io.GlobalOutputHooks;
import dev.spindle.runtime.io.InputFormat;
import dev.spindle.runtime.iteration.IterationVertex;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One schedulable unit: a chain of operators that run in one thread per subtask. Inputs and
 * outputs are edge ids in order; output {@code i} of the vertex is {@code outputs.get(i)}.
 */
public final class JobVertex implements Serializable {

    private final int id;
    private final String name;
    private final int parallelism;
    private final List<ChainedOperatorSpec> chain;
    private final InputFormat<?, ?> inputFormat;
    private final long bufferTimeoutMillis;
    final List<Integer> inputs = new ArrayList<>();
    final List<Integer> outputs = new ArrayList<>();
    private final List<GlobalOutputHooks> globalHooks = new ArrayList<>();
    private IterationVertex iteration;

    public JobVertex(int id, String name, int parallelism, List<ChainedOperatorSpec> chain,
                     InputFormat<?, ?> inputFormat, long bufferTimeoutMillis) {
        this.id = id;
        this.name = name;
        this.parallelism = parallelism;
        this.chain = List.copyOf(chain);
        this.inputFormat = inputFormat;
        this.bufferTimeoutMillis = bufferTimeoutMillis;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int parallelism() {
        return parallelism;
    }

    public List<ChainedOperatorSpec> chain() {
        return chain;
    }

    public boolean isSource() {
        return inputFormat != null;
    }

    public InputFormat<?, ?> inputFormat() {
        return inputFormat;
    }

    public long bufferTimeoutMillis() {
        return bufferTimeoutMillis;
    }

    public List<Integer> inputEdges() {
        return inputs;
    }

    public List<Integer> outputEdges() {
        return outputs;
    }

    /** Job-wide steps of the sinks in this vertex, run by the JobManager. */
    public List<GlobalOutputHooks> globalHooks() {
        return globalHooks;
    }

    /** How this vertex takes part in an iteration, or null if it does not. */
    public IterationVertex iteration() {
        return iteration;
    }

    public void setIteration(IterationVertex iteration) {
        this.iteration = iteration;
    }

    @Override
    public String toString() {
        return name + " (" + parallelism + ")";
    }
}
