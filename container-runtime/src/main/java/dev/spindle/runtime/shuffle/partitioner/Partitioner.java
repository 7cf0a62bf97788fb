package dev.spindle.runtime.shuffle.partitioner;

import java.io.Serializable;

/** Chooses the consumer subtask (subpartition) a record goes to. One instance per producing task. */
public interface Partitioner<T> extends Serializable {

    /** The subpartition for this record, in {@code [0, numSubpartitions)}. */
    int select(T record, int numSubpartitions) throws Exception;

    /** Broadcast partitioners send every record to all subpartitions; {@link #select} is not called. */
    default boolean isBroadcast() {
        return false;
    }

    /** A fresh instance for one task (partitioners may keep state such as a round-robin position). */
    default Partitioner<T> copy() {
        return this;
    }

    /** Short name for plans and logs: FORWARD, HASH, REBALANCE, BROADCAST. */
    String name();
}
