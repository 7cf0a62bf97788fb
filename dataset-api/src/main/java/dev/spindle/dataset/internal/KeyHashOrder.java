package dev.spindle.dataset.internal;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.shuffle.partitioner.KeyHashing;

/**
 * A record's key hash ({@link KeyHashing#stableHash}) as a sort key: sorting by it puts records of
 * one key next to each other whatever the key's type (an order of clusters, not of keys).
 */
public final class KeyHashOrder<T> implements KeySelector<T, Integer> {

    private final KeySelector<T, ?> key;

    public KeyHashOrder(KeySelector<T, ?> key) {
        this.key = key;
    }

    @Override
    public Integer getKey(T value) throws Exception {
        return KeyHashing.stableHash(key.getKey(value));
    }
}
