package dev.spindle.dataset;

import dev.spindle.runtime.operators.join.JoinType;

/**
 * An inner join waiting for its keys: {@code left.join(right).where(...).equalTo(...)} is a data set
 * of the matching pairs, {@code .with(function)} turns each pair into results.
 */
public final class JoinOperatorSets<L, R> extends JoinOperatorSetsBase<L, R, JoinedDataSet<L, R>> {

    JoinOperatorSets(DataSet<L> left, DataSet<R> right, JoinHint hint) {
        super(left, right, JoinType.INNER, hint);
    }

    @Override
    JoinedDataSet<L, R> complete(JoinDefinition<L, R> definition) {
        return new JoinedDataSet<>(definition);
    }
}
