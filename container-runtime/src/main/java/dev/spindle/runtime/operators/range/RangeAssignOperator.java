package dev.spindle.runtime.operators.range;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.operators.OneInputOperator;

/**
 * Tags each record with the rank of its key among the range boundaries, read from the broadcast
 * set {@code boundariesName} when the operator opens: emits {@code (rank, record)} for
 * {@link RankPartitioner}. Task thread only.
 */
public final class RangeAssignOperator<T, K> extends OneInputOperator<T, Tuple2<Integer, T>> {

    private final KeySelector<T, K> keySelector;
    private final String boundariesName;
    private transient RangeBoundaries boundaries;

    public RangeAssignOperator(KeySelector<T, K> keySelector, String boundariesName) {
        this.keySelector = keySelector;
        this.boundariesName = boundariesName;
    }

    @Override
    public void open() {
        boundaries = new RangeBoundaries(context.getBroadcastVariable(boundariesName));
    }

    @Override
    public void process(T record) throws Exception {
        output.collect(Tuple2.of(boundaries.rank(keySelector.getKey(record)), record));
    }
}
