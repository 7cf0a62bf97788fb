package dev.spindle.runtime.operators.batch;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.runtime.operators.UdfOperator;
import java.util.HashMap;
import java.util.Map;

/**
 * Reduces records with equal keys in a hash table. As a combiner (before the shuffle) it emits its
 * partial results whenever the table reaches {@code maxEntries} keys, so memory stays bounded; as
 * the final reducer ({@code maxEntries <= 0}) it keeps every key until the input ends.
 */
public final class HashReduceOperator<T, K> extends UdfOperator<ReduceFunction<T>, T, T> {

    private final KeySelector<T, K> keySelector;
    private final int maxEntries;
    private transient HashMap<K, T> table;

    public HashReduceOperator(ReduceFunction<T> function, KeySelector<T, K> keySelector, int maxEntries) {
        super(function);
        this.keySelector = keySelector;
        this.maxEntries = maxEntries;
    }

    @Override
    public void open() throws Exception {
        super.open();
        table = new HashMap<>();
    }

    @Override
    public void process(T record) throws Exception {
        K key = keySelector.getKey(record);
        T current = table.get(key);
        if (current == null) {
            if (maxEntries > 0 && table.size() >= maxEntries) {
                emitAll();
            }
            table.put(key, record);
        } else {
            T reduced = function.reduce(current, record);
            if (reduced != current) {
                table.put(key, reduced);
            }
        }
    }

    @Override
    public void endInput(int input) {
        emitAll();
    }

    private void emitAll() {
        for (Map.Entry<K, T> e : table.entrySet()) {
            output.collect(e.getValue());
        }
        table.clear();
    }
}
