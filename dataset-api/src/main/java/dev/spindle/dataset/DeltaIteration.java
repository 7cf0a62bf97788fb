package dev.spindle.dataset;

import dev.spindle.api.aggregators.Aggregator;
import dev.spindle.api.aggregators.ConvergenceCriterion;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.dataset.internal.TupleFieldKeySelector;
import dev.spindle.runtime.iteration.FeedbackKind;
import dev.spindle.runtime.iteration.IterationNodeRole;
import dev.spindle.runtime.iteration.IterationSpec;
import dev.spindle.runtime.plan.PlanEdge;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.shuffle.partitioner.ForwardPartitioner;
import dev.spindle.runtime.shuffle.partitioner.HashPartitioner;
import java.io.Serializable;

/**
 * A delta iteration ({@link DataSet#iterateDelta}): a solution set of records of type {@code S},
 * keyed by some of their fields, and a workset of type {@code W}. Each superstep reads the workset
 * ({@link #getWorkset()}), may join or coGroup with the solution set ({@link #getSolutionSet()}),
 * and produces changes to the solution set (records replace those with the same key, or are added)
 * and the next workset, given to {@link #closeWith}. The iteration ends when the workset is empty,
 * after {@code maxIterations} supersteps, or when a convergence criterion is met; its result is the
 * solution set.
 *
 * <p>The solution set lives in the iteration head's managed memory, partitioned by its key: if it
 * does not fit, the job fails with a message naming the setting to raise. Every step inside the
 * loop runs with the iteration's parallelism.
 */
public final class DeltaIteration<S, W> {

    private final ExecutionEnvironment env;
    private final IterationSpec spec;
    private final PlanNode head;
    private final KeySelector<S, ?> key;
    private final DataSet<S> initialSolutionSet;
    private final DataSet<W> initialWorkset;
    private final DataSet<S> solutionSet;
    private boolean closed;

    DeltaIteration(DataSet<S> initialSolutionSet, DataSet<W> initialWorkset, int maxIterations, int... keyFields) {
        if (initialSolutionSet.env != initialWorkset.env) {
            throw new IllegalArgumentException("The solution set and the workset come from different environments");
        }
        if (keyFields.length == 0) {
            throw new IllegalArgumentException("A delta iteration needs the solution set's key fields");
        }
        this.env = initialSolutionSet.env;
        this.key = new TupleFieldKeySelector<>(keyFields);
        this.initialSolutionSet = initialSolutionSet;
        this.initialWorkset = initialWorkset;
        this.spec = IterationSpec.delta(env.nextId(), "Delta Iteration", maxIterations,
                initialSolutionSet.serializer(), key, initialWorkset.serializer());
        IterativeDataSet.configureSnapshots(spec, env.getConfiguration());
        this.head = PlanNode.operator(env.nextId(), "Iteration Head", null)
                .setOutputSerializer(initialWorkset.serializer())
                .setIteration(spec, IterationNodeRole.HEAD)
                .setManagedMemoryWeight(4);
        head.addInput(new PlanEdge(initialSolutionSet.node, new HashPartitioner<>(key), null, 0));
        head.addInput(new PlanEdge(initialWorkset.node, new ForwardPartitioner<>(), null, 1));
        PlanNode placeholder = PlanNode.operator(env.nextId(), "Solution Set", null)
                .setOutputSerializer(initialSolutionSet.serializer())
                .setIteration(spec, IterationNodeRole.SOLUTION_SET);
        this.solutionSet = new DataSet<>(env, placeholder);
    }

    /** The workset of the current superstep. */
    public DataSet<W> getWorkset() {
        return new DataSet<>(env, head);
    }

    /**
     * The solution set as it was when the current superstep started. It can only be the second or
     * first input of a {@code join} or {@code coGroup} inside the loop, keyed by the solution set's key.
     */
    public DataSet<S> getSolutionSet() {
        return solutionSet;
    }

    public DataSet<S> getInitialSolutionSet() {
        return initialSolutionSet;
    }

    public DataSet<W> getInitialWorkset() {
        return initialWorkset;
    }

    /**
     * Closes the loop: {@code solutionSetDelta} updates the solution set at the end of each superstep
     * (by key) and {@code newWorkset} is the next superstep's workset. Returns the final solution set.
     */
    public DataSet<S> closeWith(DataSet<S> solutionSetDelta, DataSet<W> newWorkset) {
        if (closed) {
            throw new IllegalStateException("The iteration was already closed");
        }
        closed = true;
        IterativeDataSet.addTail(env, head, spec, new PlanEdge(solutionSetDelta.node, new HashPartitioner<>(key), null,
                0), FeedbackKind.SOLUTION_SET_DELTA);
        IterativeDataSet.addTail(env, head, spec, newWorkset.node, FeedbackKind.WORKSET);
        return IterativeDataSet.result(env, head, spec, initialSolutionSet.serializer());
    }

    /** Names the iteration (in logs and the plan). */
    public DeltaIteration<S, W> name(String name) {
        spec.setName(name);
        head.setName("Iteration Head (" + name + ")");
        return this;
    }

    /** The parallelism of the head and of every step inside the loop. */
    public DeltaIteration<S, W> parallelism(int parallelism) {
        head.setParallelism(parallelism);
        return this;
    }

    /** See {@link IterativeDataSet#registerAggregator}. */
    public <A extends Serializable> DeltaIteration<S, W> registerAggregator(String name, Aggregator<A> aggregator) {
        spec.addAggregator(name, aggregator);
        return this;
    }

    /** See {@link IterativeDataSet#registerAggregationConvergenceCriterion}. */
    public <A extends Serializable> DeltaIteration<S, W> registerAggregationConvergenceCriterion(
            String name, Aggregator<A> aggregator, ConvergenceCriterion<A> criterion) {
        spec.addAggregator(name, aggregator);
        spec.setConvergenceCriterion(name, criterion);
        return this;
    }

    /** The solution set's key, for solution-set joins. */
    KeySelector<S, ?> key() {
        return key;
    }

    IterationSpec spec() {
        return spec;
    }
}
