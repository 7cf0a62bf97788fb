package dev.spindle.runtime.plan;

import dev.spindle.runtime.shuffle.partitioner.Partitioner;
import java.io.Serializable;

/**
 * An input of a plan node: where the records come from, how they are partitioned among the
 * consumer's subtasks, and how they are exchanged ({@code null} = the job's default mode). A
 * broadcast-set edge has a {@code broadcastName}: the task reads it whole before it opens its
 * operators and hands it to them by that name; the operator itself never sees its records.
 */
public record PlanEdge(PlanNode source, Partitioner<?> partitioner, ExchangeMode exchangeMode, int inputIndex,
                       String broadcastName) implements Serializable {

    public PlanEdge(PlanNode source, Partitioner<?> partitioner, ExchangeMode exchangeMode, int inputIndex) {
        this(source, partitioner, exchangeMode, inputIndex, null);
    }

    public boolean isBroadcastSet() {
        return broadcastName != null;
    }
}
