package dev.spindle.runtime.hash;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.ReduceFunction;
import java.util.HashMap;

/**
 * A {@link HashAggregateTable} that combines records of one key with a {@link ReduceFunction}; the
 * entry is whatever the function returns (it may change and return its first argument). Keys need
 * {@code equals} and {@code hashCode}. Single-threaded.
 */
public final class ReducingHashTable<T, K> implements HashAggregateTable<T> {

    private final KeySelector<T, K> keySelector;
    private final ReduceFunction<T> reducer;
    private final HashMap<K, T> table = new HashMap<>();
    private T pendingRecord;
    private K pendingKey;

    public ReducingHashTable(KeySelector<T, K> keySelector, ReduceFunction<T> reducer) {
        this.keySelector = keySelector;
        this.reducer = reducer;
    }

    @Override
    public boolean update(T record) throws Exception {
        K key = keySelector.getKey(record);
        T current = table.get(key);
        if (current == null) {
            pendingRecord = record;
            pendingKey = key;
            return false;
        }
        T reduced = reducer.reduce(current, record);
        if (reduced != current) {
            table.put(key, reduced);
        }
        return true;
    }

    @Override
    public void insert(T record) throws Exception {
        K key = record == pendingRecord ? pendingKey : keySelector.getKey(record);
        pendingRecord = null;
        pendingKey = null;
        table.put(key, record);
    }

    @Override
    public int size() {
        return table.size();
    }

    @Override
    public void drain(Collector<T> out) {
        for (T aggregate : table.values()) {
            out.collect(aggregate);
        }
        table.clear();
    }
}
