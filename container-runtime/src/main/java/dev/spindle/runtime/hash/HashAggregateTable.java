package dev.spindle.runtime.hash;

import dev.spindle.api.functions.Collector;

/**
 * An in-memory table of one aggregate per key, for hash aggregation whose aggregates have the type
 * of the records (a reduce, tuple field aggregations, minBy): a partial aggregate can be added like
 * a record, which lets {@link SpillingHashAggregator} spill partials and combine them again later.
 *
 * <p>Adding is split in two so that callers can make room before a new key takes an entry: first
 * {@link #update}, which folds the record into its key's entry if there is one; if it returns
 * {@code false}, then (possibly after {@link #drain}) {@link #insert} with the same record.
 *
 * <p>Records handed in may be kept (as the entry) and changed, so callers must not reuse them.
 * Single-threaded.
 */
public interface HashAggregateTable<T> {

    /** Folds {@code record} into the entry of its key and returns true; false if the key has no entry. */
    boolean update(T record) throws Exception;

    /** Starts the entry of {@code record}'s key with it; only after {@link #update} returned false for it. */
    void insert(T record) throws Exception;

    /**
     * Reads the memory where {@link #update} of {@code record} looks first, changing nothing, and
     * returns what it read; a hint that does nothing by default. A caller about to add a batch of
     * records touches them all first, so that their cache misses overlap.
     */
    default long touch(T record) throws Exception {
        return 0;
    }

    /** Keys held. */
    int size();

    /** Emits one aggregate per key and empties the table. */
    void drain(Collector<T> out) throws Exception;

    /**
     * Whether each entry keeps a record object (whose size the caller estimates); false while the
     * entries live entirely in the table's own arrays (see {@link #arrayBytesAfterInsert}).
     */
    default boolean keepsRecords() {
        return true;
    }

    /**
     * Heap bytes of the table's own arrays (beyond the records it keeps) once one more key is
     * inserted, which may make them grow; 0 if unknown.
     */
    default long arrayBytesAfterInsert() {
        return 0;
    }

    /**
     * Lets an empty table give up arrays it grew for more keys than it may hold now, so that it
     * starts again at its first size; does nothing by default.
     */
    default void shrink() {
    }

    /**
     * Takes {@code slots}, the array {@link #detachArray} gave up (of an earlier table of the same
     * kind), instead of its own if it is larger and still empty, so that a table that grew to the
     * same size before starts at that size; returns whether it did. The default takes nothing.
     */
    default boolean adoptArray(long[] slots) {
        return false;
    }

    /** Gives up the table's main array for {@link #adoptArray}; the table is unusable afterwards. Null by default. */
    default long[] detachArray() {
        return null;
    }
}
