package dev.spindle.runtime.plan;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.io.GlobalOutputHooks;
import dev.spindle.runtime.io.InputFormat;
import dev.spindle.runtime.iteration.IterationNodeRole;
import dev.spindle.runtime.iteration.IterationSpec;
import dev.spindle.runtime.operators.OperatorFactory;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a program: a source (an {@link InputFormat}), or an operator with inputs. Built by the
 * APIs, compiled into a job graph at {@code execute()}.
 */
public final class PlanNode implements Serializable {

    /** Use the job's default parallelism. */
    public static final int DEFAULT_PARALLELISM = -1;
    /** Use the job's default buffer timeout. */
    public static final long DEFAULT_BUFFER_TIMEOUT = Long.MIN_VALUE;

    private final int id;
    private String name;
    private final OperatorFactory<?> operatorFactory;
    private final InputFormat<?, ?> inputFormat;
    private final List<PlanEdge> inputs = new ArrayList<>();
    private TypeSerializer<?> outputSerializer;
    private int parallelism = DEFAULT_PARALLELISM;
    private int maxParallelism = Integer.MAX_VALUE;
    private long bufferTimeoutMillis = DEFAULT_BUFFER_TIMEOUT;
    private GlobalOutputHooks globalHooks;
    private int managedMemoryWeight;
    private IterationSpec iteration;
    private IterationNodeRole iterationRole;
    private KeySelector<?, ?> groupedBy;
    private KeySelector<?, ?> partitionedBy;
    private final List<PlanNode> iterationTails = new ArrayList<>();

    private PlanNode(int id, String name, OperatorFactory<?> operatorFactory, InputFormat<?, ?> inputFormat) {
        this.id = id;
        this.name = name;
        this.operatorFactory = operatorFactory;
        this.inputFormat = inputFormat;
    }

    public static PlanNode source(int id, String name, InputFormat<?, ?> format) {
        return new PlanNode(id, name, null, format);
    }

    public static PlanNode operator(int id, String name, OperatorFactory<?> factory) {
        return new PlanNode(id, name, factory, null);
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public PlanNode setName(String name) {
        this.name = name;
        return this;
    }

    public boolean isSource() {
        return inputFormat != null;
    }

    public InputFormat<?, ?> inputFormat() {
        return inputFormat;
    }

    public OperatorFactory<?> operatorFactory() {
        return operatorFactory;
    }

    public List<PlanEdge> inputs() {
        return inputs;
    }

    public PlanNode addInput(PlanEdge edge) {
        inputs.add(edge);
        return this;
    }

    public TypeSerializer<?> outputSerializer() {
        return outputSerializer;
    }

    public PlanNode setOutputSerializer(TypeSerializer<?> serializer) {
        this.outputSerializer = serializer;
        return this;
    }

    public int parallelism() {
        return parallelism;
    }

    public PlanNode setParallelism(int parallelism) {
        if (parallelism < 1 && parallelism != DEFAULT_PARALLELISM) {
            throw new IllegalArgumentException("Parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
        return this;
    }

    /** An upper bound (1 for operators that must not run in parallel, such as a collection source). */
    public int maxParallelism() {
        return maxParallelism;
    }

    public PlanNode setMaxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
        return this;
    }

    public long bufferTimeoutMillis() {
        return bufferTimeoutMillis;
    }

    /** 0 = flush every record, -1 = only when full, N = at least every N ms. */
    public PlanNode setBufferTimeoutMillis(long millis) {
        if (millis < -1) {
            throw new IllegalArgumentException("Buffer timeout must be -1, 0 or positive, was " + millis);
        }
        this.bufferTimeoutMillis = millis;
        return this;
    }

    /** Job-wide steps of a sink (prepare, commit, clean up), run by the JobManager; may be null. */
    public GlobalOutputHooks globalHooks() {
        return globalHooks;
    }

    public PlanNode setGlobalHooks(GlobalOutputHooks hooks) {
        this.globalHooks = hooks;
        return this;
    }

    /** This node's claim on its slot's managed memory, relative to the other nodes sharing the slot (0 = none). */
    public int managedMemoryWeight() {
        return managedMemoryWeight;
    }

    public PlanNode setManagedMemoryWeight(int weight) {
        if (weight < 0) {
            throw new IllegalArgumentException("Managed memory weight must not be negative, was " + weight);
        }
        this.managedMemoryWeight = weight;
        return this;
    }

    /**
     * The key of which this node's output usually holds one record each (set by groupings: reduce,
     * aggregations, group reduce), or null. A hint for planning, never relied on for correctness.
     */
    public KeySelector<?, ?> groupedBy() {
        return groupedBy;
    }

    public PlanNode setGroupedBy(KeySelector<?, ?> key) {
        this.groupedBy = key;
        return this;
    }

    /**
     * The key by which this node's output lies in its subtasks, or null. Set only by a node whose
     * input was hash-partitioned by the key and whose output records all keep the key they came in
     * with (the final stage of an aggregation by tuple fields): partitioning its output by the same
     * key at the same parallelism would leave every record where it is, so a consumer may read it
     * forward instead (and be chained to it).
     */
    public KeySelector<?, ?> partitionedBy() {
        return partitionedBy;
    }

    public PlanNode setPartitionedBy(KeySelector<?, ?> key) {
        this.partitionedBy = key;
        return this;
    }

    /** The iteration this node is a head, tail, result or solution-set operator of; null for other nodes. */
    public IterationSpec iteration() {
        return iteration;
    }

    public IterationNodeRole iterationRole() {
        return iterationRole;
    }

    public PlanNode setIteration(IterationSpec spec, IterationNodeRole role) {
        this.iteration = spec;
        this.iterationRole = role;
        return this;
    }

    /** An iteration head's tails: they have no consumers, so the plan reaches them through the head. */
    public List<PlanNode> iterationTails() {
        return iterationTails;
    }

    public PlanNode addIterationTail(PlanNode tail) {
        iterationTails.add(tail);
        return this;
    }

    /** The index the next operator input gets: one past the highest index in use. */
    public int nextInputIndex() {
        int next = 0;
        for (PlanEdge e : inputs) {
            next = Math.max(next, e.inputIndex() + 1);
        }
        return next;
    }

    @Override
    public String toString() {
        return name + "#" + id;
    }
}
