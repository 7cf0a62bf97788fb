package dev.spindle.dataset;

import dev.spindle.runtime.operators.join.JoinType;

/**
 * An outer join waiting for its keys: {@code left.leftOuterJoin(right).where(...).equalTo(...)}, then
 * {@code .with(function)}, which gets {@code null} for the side without a match.
 */
public final class OuterJoinOperatorSets<L, R> extends JoinOperatorSetsBase<L, R, OuterJoin<L, R>> {

    OuterJoinOperatorSets(DataSet<L> left, DataSet<R> right, JoinType type, JoinHint hint) {
        super(left, right, type, hint);
        if (!type.isOuter()) {
            throw new IllegalArgumentException("Not an outer join: " + type);
        }
    }

    @Override
    OuterJoin<L, R> complete(JoinDefinition<L, R> definition) {
        return new OuterJoin<>(definition);
    }
}
