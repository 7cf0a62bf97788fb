package dev.spindle.runtime.plan;

import dev.spindle.runtime.shuffle.partitioner.Partitioner;
import java.io.Serializable;

/**
 * An input of a plan node: where the records come from, how they are partitioned among the
 * consumer's subtasks, and how they are exchanged ({@code null} = the job's default mode).
 */
public record PlanEdge(PlanNode source, Partitioner<?> partitioner, ExchangeMode exchangeMode, int inputIndex)
        implements Serializable {
}
