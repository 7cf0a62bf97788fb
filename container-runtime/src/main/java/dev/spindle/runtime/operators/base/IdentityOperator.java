package dev.spindle.runtime.operators.base;

import dev.spindle.runtime.operators.OneInputOperator;

/** Passes records on unchanged; used where only the exchange matters (rebalance, partitionByHash, union). */
public final class IdentityOperator<T> extends OneInputOperator<T, T> {

    @Override
    public void process(T record) {
        output.collect(record);
    }
}
