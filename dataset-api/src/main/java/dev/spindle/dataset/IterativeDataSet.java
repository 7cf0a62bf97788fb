package dev.spindle.dataset;

import dev.spindle.api.aggregators.Aggregator;
import dev.spindle.api.aggregators.ConvergenceCriterion;
import dev.spindle.connectors.hdfs.HadoopSnapshotStore;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.iteration.FeedbackKind;
import dev.spindle.runtime.iteration.FeedbackTailOperator;
import dev.spindle.runtime.iteration.IterationNodeRole;
import dev.spindle.runtime.iteration.IterationOptions;
import dev.spindle.runtime.iteration.IterationSpec;
import dev.spindle.runtime.operators.OperatorFactory;
import dev.spindle.runtime.operators.base.IdentityOperator;
import dev.spindle.runtime.plan.PlanEdge;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.ForwardPartitioner;
import java.io.Serializable;
import java.util.Objects;

/**
 * The partial solution of a bulk iteration ({@link DataSet#iterate}): inside the loop, the records
 * of the current superstep. Transform it into the next partial solution and close the loop with
 * {@link #closeWith}, which returns the iteration's result: the partial solution after the last
 * superstep. The loop runs {@code maxIterations} supersteps, or fewer when a termination criterion
 * becomes empty or a convergence criterion on an aggregator is met.
 *
 * <p>Every step inside the loop runs with the iteration's parallelism. Data sets from outside the
 * loop that it reads (the edges of a graph, say) are read once and kept, partitioned, in managed
 * memory for all supersteps.
 */
public final class IterativeDataSet<T> extends DataSet<T> {

    private final IterationSpec spec;
    private boolean closed;

    IterativeDataSet(ExecutionEnvironment env, PlanNode head, IterationSpec spec) {
        super(env, head);
        this.spec = spec;
    }

    static <T> IterativeDataSet<T> create(DataSet<T> initial, int maxIterations) {
        ExecutionEnvironment env = initial.env;
        IterationSpec spec = IterationSpec.bulk(env.nextId(), "Bulk Iteration", maxIterations, initial.serializer());
        configureSnapshots(spec, env.getConfiguration());
        PlanNode head = PlanNode.operator(env.nextId(), "Iteration Head", null)
                .setOutputSerializer(initial.serializer())
                .setIteration(spec, IterationNodeRole.HEAD)
                .setManagedMemoryWeight(2);
        head.addInput(new PlanEdge(initial.node, new ForwardPartitioner<>(), null, 0));
        return new IterativeDataSet<>(env, head, spec);
    }

    /** Turns superstep snapshots on if the job's configuration asks for them. */
    static void configureSnapshots(IterationSpec spec, Configuration config) {
        int interval = config.get(IterationOptions.SNAPSHOT_INTERVAL);
        if (interval <= 0) {
            return;
        }
        String dir = config.get(IterationOptions.SNAPSHOT_DIR);
        if (dir.isBlank()) {
            throw new IllegalArgumentException(IterationOptions.SNAPSHOT_INTERVAL.key() + " is " + interval + " but "
                    + IterationOptions.SNAPSHOT_DIR.key() + " is not set; name a file:// or hdfs:// directory");
        }
        spec.setSnapshots(new HadoopSnapshotStore(dir), interval);
    }

    /** The most supersteps the iteration runs. */
    public int getMaxIterations() {
        return spec.maxIterations();
    }

    /** Closes the loop: {@code nextPartialSolution} is the input of the next superstep. */
    public DataSet<T> closeWith(DataSet<T> nextPartialSolution) {
        return close(nextPartialSolution, null);
    }

    /**
     * Closes the loop, also ending it after the first superstep in which {@code terminationCriterion}
     * (computed inside the loop) is empty; the result is that superstep's partial solution.
     */
    public DataSet<T> closeWith(DataSet<T> nextPartialSolution, DataSet<?> terminationCriterion) {
        return close(nextPartialSolution, Objects.requireNonNull(terminationCriterion, "terminationCriterion"));
    }

    private DataSet<T> close(DataSet<T> next, DataSet<?> criterion) {
        if (closed) {
            throw new IllegalStateException("The iteration was already closed");
        }
        closed = true;
        addTail(env, node, spec, next.node, FeedbackKind.PARTIAL_SOLUTION);
        if (criterion != null) {
            addTail(env, node, spec, criterion.node, FeedbackKind.TERMINATION_CRITERION);
        }
        return result(env, node, spec, serializer());
    }

    static void addTail(ExecutionEnvironment env, PlanNode head, IterationSpec spec, PlanNode input,
                        FeedbackKind kind) {
        addTail(env, head, spec, new PlanEdge(input, new ForwardPartitioner<>(), null, 0), kind);
    }

    static void addTail(ExecutionEnvironment env, PlanNode head, IterationSpec spec, PlanEdge input,
                        FeedbackKind kind) {
        PlanNode tail = PlanNode.operator(env.nextId(), "Iteration Tail (" + kind.name().toLowerCase().replace('_', ' ')
                + ")", () -> new FeedbackTailOperator(kind))
                .setIteration(spec, IterationNodeRole.TAIL);
        tail.addInput(input);
        spec.addTail(kind);
        head.addIterationTail(tail);
    }

    static <R> DataSet<R> result(ExecutionEnvironment env, PlanNode head, IterationSpec spec,
                                 TypeSerializer<R> serializer) {
        PlanNode result = PlanNode.operator(env.nextId(), "Iteration Result", (OperatorFactory<R>) IdentityOperator::new)
                .setOutputSerializer(serializer)
                .setIteration(spec, IterationNodeRole.RESULT);
        result.addInput(new PlanEdge(head, new ForwardPartitioner<>(), null, 0));
        return new DataSet<>(env, result);
    }

    /**
     * Registers an aggregator: functions in the loop add to it through
     * {@code getRuntimeContext().getIterationAggregator(name)}; its value merged over all subtasks is
     * {@code getPreviousIterationAggregate(name)} in the next superstep.
     */
    public <A extends Serializable> IterativeDataSet<T> registerAggregator(String name, Aggregator<A> aggregator) {
        spec.addAggregator(name, aggregator);
        return this;
    }

    /** Registers an aggregator and ends the iteration after the first superstep whose value {@code criterion} accepts. */
    public <A extends Serializable> IterativeDataSet<T> registerAggregationConvergenceCriterion(
            String name, Aggregator<A> aggregator, ConvergenceCriterion<A> criterion) {
        spec.addAggregator(name, aggregator);
        spec.setConvergenceCriterion(name, criterion);
        return this;
    }
}
