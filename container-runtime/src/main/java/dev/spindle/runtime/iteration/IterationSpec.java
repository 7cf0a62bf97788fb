package dev.spindle.runtime.iteration;

import dev.spindle.api.aggregators.Aggregator;
import dev.spindle.api.aggregators.ConvergenceCriterion;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One iteration of a program, as the API declared it: its kind, the most supersteps it may run, its
 * aggregators and convergence criterion, and the types (and, for a delta iteration, the solution-set
 * key) of what its head keeps between supersteps. Filled in by the API while the program is built
 * (aggregators, tails), then travels read-only in the job graph to the JobManager's coordinator and
 * to the iteration's tasks.
 */
public final class IterationSpec implements Serializable {

    private final int id;
    private String name;
    private final IterationKind kind;
    private final int maxIterations;
    private final TypeSerializer<?> solutionSerializer;
    private final TypeSerializer<?> worksetSerializer;
    private final KeySelector<?, ?> solutionSetKey;
    private final Map<String, Aggregator<?>> aggregators = new LinkedHashMap<>();
    private final List<FeedbackKind> tails = new ArrayList<>();
    private String convergenceAggregator;
    private ConvergenceCriterion<?> convergenceCriterion;
    private SnapshotStore snapshotStore;
    private int snapshotInterval;

    private IterationSpec(int id, String name, IterationKind kind, int maxIterations,
                          TypeSerializer<?> solutionSerializer, TypeSerializer<?> worksetSerializer,
                          KeySelector<?, ?> solutionSetKey) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("An iteration needs at least 1 iteration, got " + maxIterations);
        }
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.maxIterations = maxIterations;
        this.solutionSerializer = solutionSerializer;
        this.worksetSerializer = worksetSerializer;
        this.solutionSetKey = solutionSetKey;
    }

    /** A bulk iteration over a partial solution of records that {@code serializer} writes. */
    public static IterationSpec bulk(int id, String name, int maxIterations, TypeSerializer<?> serializer) {
        return new IterationSpec(id, name, IterationKind.BULK, maxIterations, serializer, null, null);
    }

    /** A delta iteration: a solution set keyed by {@code key}, and a workset. */
    public static IterationSpec delta(int id, String name, int maxIterations, TypeSerializer<?> solutionSetSerializer,
                                      KeySelector<?, ?> key, TypeSerializer<?> worksetSerializer) {
        return new IterationSpec(id, name, IterationKind.DELTA, maxIterations, solutionSetSerializer,
                worksetSerializer, key);
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Renames the iteration (while the program is built). */
    public void setName(String name) {
        this.name = name;
    }

    public IterationKind kind() {
        return kind;
    }

    public int maxIterations() {
        return maxIterations;
    }

    /** The records of the partial solution (bulk) or of the solution set (delta). */
    public TypeSerializer<?> solutionSerializer() {
        return solutionSerializer;
    }

    /** The workset's records (delta only). */
    public TypeSerializer<?> worksetSerializer() {
        return worksetSerializer;
    }

    /** The solution set's key (delta only). */
    public KeySelector<?, ?> solutionSetKey() {
        return solutionSetKey;
    }

    public void addAggregator(String name, Aggregator<?> aggregator) {
        if (aggregators.putIfAbsent(name, aggregator) != null) {
            throw new IllegalArgumentException("Iteration '" + this.name + "' already has an aggregator named '"
                    + name + "'");
        }
    }

    /** The aggregators by name: prototypes, of which each task and the coordinator use copies. */
    public Map<String, Aggregator<?>> aggregators() {
        return Collections.unmodifiableMap(aggregators);
    }

    public void setConvergenceCriterion(String aggregatorName, ConvergenceCriterion<?> criterion) {
        if (!aggregators.containsKey(aggregatorName)) {
            throw new IllegalArgumentException("No aggregator named '" + aggregatorName + "' in iteration '" + name
                    + "'");
        }
        this.convergenceAggregator = aggregatorName;
        this.convergenceCriterion = criterion;
    }

    /** The aggregator the convergence criterion judges, or null if there is no criterion. */
    public String convergenceAggregator() {
        return convergenceAggregator;
    }

    public ConvergenceCriterion<?> convergenceCriterion() {
        return convergenceCriterion;
    }

    /** Snapshots the head's state into {@code store} after every {@code interval}-th superstep. */
    public void setSnapshots(SnapshotStore store, int interval) {
        if (interval < 1) {
            throw new IllegalArgumentException("The snapshot interval must be at least 1, got " + interval);
        }
        this.snapshotStore = store;
        this.snapshotInterval = interval;
    }

    /** Where superstep snapshots go, or null if there are none. */
    public SnapshotStore snapshotStore() {
        return snapshotStore;
    }

    public int snapshotInterval() {
        return snapshotInterval;
    }

    /** Whether the state after {@code superstep} is snapshotted (never after the last possible one). */
    public boolean snapshotsAfter(int superstep) {
        return snapshotStore != null && superstep % snapshotInterval == 0 && superstep < maxIterations;
    }

    /** Records that a tail of this kind closes the loop (the API calls this from closeWith). */
    public void addTail(FeedbackKind tail) {
        if (tails.contains(tail)) {
            throw new IllegalStateException("Iteration '" + name + "' was already closed");
        }
        tails.add(tail);
    }

    /** The tails the head waits for at the end of every superstep. */
    public List<FeedbackKind> tails() {
        return Collections.unmodifiableList(tails);
    }

    public boolean hasTerminationCriterion() {
        return tails.contains(FeedbackKind.TERMINATION_CRITERION);
    }

    @Override
    public String toString() {
        return name;
    }
}
