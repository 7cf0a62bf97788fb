package dev.spindle.runtime.operators.batch;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.runtime.hash.HashAggregateTable;
import dev.spindle.runtime.hash.ReducingHashTable;
import dev.spindle.runtime.operators.FunctionUtils;
import dev.spindle.runtime.serialization.TypeSerializer;

/**
 * Reduces records with equal keys with a user's {@link ReduceFunction}, as a combiner before the
 * shuffle or as the final, spilling reduce after it (see {@link HashAggregateOperator}). Opens and
 * closes the function if it is rich.
 */
public final class HashReduceOperator<T, K> extends HashAggregateOperator<T, K> {

    private final ReduceFunction<T> function;

    /**
     * The final reduce ({@code maxEntries <= 0}) spills within its managed memory; a combiner emits
     * at {@code maxEntries} keys or when its table would outgrow its share of managed memory.
     */
    public HashReduceOperator(ReduceFunction<T> function, KeySelector<T, K> keySelector, TypeSerializer<T> serializer,
                              int maxEntries) {
        super(keySelector, serializer, maxEntries);
        this.function = function;
    }

    /** Without a serializer: a combiner, or a final reduce that keeps every key in memory. */
    public HashReduceOperator(ReduceFunction<T> function, KeySelector<T, K> keySelector, int maxEntries) {
        this(function, keySelector, null, maxEntries);
    }

    @Override
    protected HashAggregateTable<T> createTable() {
        return new ReducingHashTable<>(keySelector, function);
    }

    @Override
    public void open() throws Exception {
        FunctionUtils.open(function, context);
        super.open();
    }

    @Override
    public void close() throws Exception {
        FunctionUtils.close(function);
    }
}
