package dev.spindle.dataset.internal;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.operators.join.HashJoinOperator;

/**
 * A record's place in the tables of a hash join on its key ({@link HashJoinOperator#probeOrder}) as
 * a sort key: sorting by it puts records of one key next to each other whatever the key's type (an
 * order of clusters, not of keys), and in the order in which a hash join's table keeps the keys.
 */
public final class JoinProbeOrder<T> implements KeySelector<T, Integer> {

    private final KeySelector<T, ?> key;

    public JoinProbeOrder(KeySelector<T, ?> key) {
        this.key = key;
    }

    @Override
    public Integer getKey(T value) throws Exception {
        return HashJoinOperator.probeOrder(key.getKey(value));
    }
}
