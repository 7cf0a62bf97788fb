package dev.spindle.runtime.operators.join;

import dev.spindle.api.functions.Function;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.iteration.SolutionSetTable;
import dev.spindle.runtime.operators.OneInputOperator;

/**
 * The inner join of a data set inside a delta iteration with the iteration's solution set: every
 * record looks up the solution-set record with its key in the table the head of its subtask keeps
 * (its input is partitioned by key like the solution set, and the head runs in the same slot) and,
 * if there is one, the pair goes to the join function. The solution set is the left or the right
 * side of the pair as the program wrote the join. Sees the solution set as it was when the
 * superstep started. Task thread only.
 */
public final class SolutionSetJoinOperator<IN, S, OUT> extends OneInputOperator<IN, OUT> {

    /** Records joined together, their lookups' cache misses overlapping. */
    private static final int BATCH = 64;

    private final KeySelector<IN, ?> key;
    private final boolean solutionSetIsLeft;
    private final Function function;
    private transient JoinEmitter<Object, Object, OUT> emitter;
    private transient SolutionSetTable<S> solutionSet;
    private transient IN[] batch;
    private transient int batched;
    /** What the touches read: kept, so that the reads are not optimized away. */
    private transient long touched;

    /**
     * @param key the key of this operator's input, equal to the solution set's key of its match
     * @param function a JoinFunction or FlatJoinFunction, or null to emit {@code Tuple2(left, right)}
     */
    public SolutionSetJoinOperator(KeySelector<IN, ?> key, boolean solutionSetIsLeft, Function function) {
        this.key = key;
        this.solutionSetIsLeft = solutionSetIsLeft;
        this.function = function;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        solutionSet = (SolutionSetTable<S>) context.requireIteration().solutionSet();
        batch = (IN[]) new Object[BATCH];
        emitter = new JoinEmitter<>(function, output);
        emitter.open(context);
    }

    @Override
    public void process(IN record) throws Exception {
        batch[batched++] = record;
        if (batched == BATCH) {
            joinBatch();
        }
    }

    @Override
    public void endInput(int input) throws Exception {
        joinBatch();
    }

    /**
     * Joins the buffered records in their order, having first touched the solution set where each
     * will be looked up, so that the lookups' cache misses overlap ({@link SolutionSetTable#touch}).
     */
    private void joinBatch() throws Exception {
        long read = 0;
        for (int i = 0; i < batched; i++) {
            read += solutionSet.touch(key.getKey(batch[i]));
        }
        touched += read;
        for (int i = 0; i < batched; i++) {
            IN record = batch[i];
            batch[i] = null;
            join(record);
        }
        batched = 0;
    }

    private void join(IN record) throws Exception {
        Object k = key.getKey(record);
        if (k == null) {
            return;
        }
        S match = solutionSet.get(k);
        if (match == null) {
            return;
        }
        if (solutionSetIsLeft) {
            emitter.emit(match, record);
        } else {
            emitter.emit(record, match);
        }
    }

    @Override
    public void close() throws Exception {
        emitter.close();
    }
}
