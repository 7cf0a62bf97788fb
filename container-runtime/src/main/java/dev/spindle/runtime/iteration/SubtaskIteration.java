package dev.spindle.runtime.iteration;

import dev.spindle.runtime.memory.SpillingRecordBuffer;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the tasks of one iteration with one subtask index meet inside a TaskManager: the head and
 * every task of the loop body of that index run in one slot, so they share this object through the
 * {@link IterationBroker}.
 *
 * <p>The head creates it, registers it and, before it emits a superstep's first record, sets the
 * superstep number, the previous superstep's merged aggregates and the buffers the tails write into.
 * Body tasks read those after they received the superstep's first record or marker (the shuffle's
 * hand-over orders the writes before the reads). At the end of its superstep every body task merges
 * its aggregator values in; each tail, after its task merged, reports that it is done, which wakes
 * the head. The head reads the feedback, the counts and the aggregates only when every tail is
 * done, so nothing is read while it is written. The solution set (delta iterations) is written by
 * the head between supersteps and read by solution-set joins during them.
 */
public final class SubtaskIteration {

    private final IterationSpec spec;
    private final Runnable wakeHead;
    private final IterationAggregators aggregates;
    private final Map<FeedbackKind, SpillingRecordBuffer<Object>> feedback = new EnumMap<>(FeedbackKind.class);
    private final Map<FeedbackKind, Long> counts = new EnumMap<>(FeedbackKind.class);
    private volatile int superstep;
    private volatile Map<String, Serializable> previousAggregates = new HashMap<>();
    private volatile Object solutionSet;
    private int tailsDone;
    private volatile int firstSuperstep = 1;

    public SubtaskIteration(IterationSpec spec, ClassLoader classLoader, Runnable wakeHead) {
        this.spec = spec;
        this.wakeHead = wakeHead;
        this.aggregates = new IterationAggregators(spec, classLoader);
    }

    public IterationSpec spec() {
        return spec;
    }

    // ---- head ----

    /** Starts superstep {@code n}: tails write into {@code buffers} from now on. */
    public synchronized void beginSuperstep(int n, Map<FeedbackKind, SpillingRecordBuffer<Object>> buffers,
                                            Map<String, Serializable> previous) {
        feedback.clear();
        feedback.putAll(buffers);
        counts.clear();
        tailsDone = 0;
        previousAggregates = previous;
        superstep = n;
        notifyAll();
    }

    /**
     * Waits until the head started superstep {@code n}: a body task may get that superstep's first
     * records from the heads of other subtasks before its own head began it.
     */
    public synchronized void awaitSuperstep(int n) throws InterruptedException {
        while (superstep < n) {
            wait();
        }
    }

    public synchronized boolean allTailsDone() {
        return tailsDone == spec.tails().size();
    }

    /** Records the tails of {@code kind} handed back this superstep. */
    public synchronized long count(FeedbackKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** This subtask's aggregates of the superstep, merged over its tasks; resets them. */
    public synchronized Map<String, Serializable> takeAggregates() {
        return aggregates.takeValues();
    }

    public void setSolutionSet(Object table) {
        this.solutionSet = table;
    }

    /** The superstep the head starts with: 1, or the one after the snapshot it resumed from. Set before registering. */
    public void setFirstSuperstep(int superstep) {
        this.firstSuperstep = superstep;
    }

    // ---- body tasks and tails ----

    public int firstSuperstep() {
        return firstSuperstep;
    }

    public int superstep() {
        return superstep;
    }

    public Map<String, Serializable> previousAggregates() {
        return previousAggregates;
    }

    /** The buffer a tail of {@code kind} writes this superstep's records into. */
    public synchronized SpillingRecordBuffer<Object> feedbackBuffer(FeedbackKind kind) {
        SpillingRecordBuffer<Object> buffer = feedback.get(kind);
        if (buffer == null) {
            throw new IllegalStateException("Iteration '" + spec.name() + "' has no " + kind + " feedback in superstep "
                    + superstep);
        }
        return buffer;
    }

    /** The solution set of this subtask (delta iterations); the head's {@code SolutionSetTable}. */
    public Object solutionSet() {
        Object table = solutionSet;
        if (table == null) {
            throw new IllegalStateException("Iteration '" + spec.name() + "' has no solution set");
        }
        return table;
    }

    /** Adds a task's aggregator values of this superstep. */
    public synchronized void mergeAggregates(Map<String, Serializable> values) {
        aggregates.mergeValues(values);
    }

    /** A tail finished its superstep after handing back {@code records} records. */
    public void tailDone(FeedbackKind kind, long records) {
        synchronized (this) {
            counts.merge(kind, records, Long::sum);
            tailsDone++;
        }
        wakeHead.run();
    }
}
