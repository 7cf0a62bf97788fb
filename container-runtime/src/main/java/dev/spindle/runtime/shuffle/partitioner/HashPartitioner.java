package dev.spindle.runtime.shuffle.partitioner;

import dev.spindle.api.functions.KeySelector;

/** Sends records with equal keys to the same consumer subtask, in every JVM (see {@link KeyHashing}). */
public final class HashPartitioner<T> implements Partitioner<T> {

    private final KeySelector<T, ?> keySelector;

    public HashPartitioner(KeySelector<T, ?> keySelector) {
        this.keySelector = keySelector;
    }

    @Override
    public int select(T record, int numSubpartitions) throws Exception {
        return KeyHashing.subpartition(keySelector.getKey(record), numSubpartitions);
    }

    @Override
    public String name() {
        return "HASH";
    }
}
