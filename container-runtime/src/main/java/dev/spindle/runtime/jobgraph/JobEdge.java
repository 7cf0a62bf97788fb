package dev.spindle.runtime.jobgraph;

import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.Partitioner;
import java.io.Serializable;

/**
 * A data exchange between two vertices. The producer's output {@code sourceOutput} becomes one result
 * partition per producer subtask, with one subpartition per consumer subtask (or one, for pointwise
 * edges); it feeds logical input {@code targetInput} of the consumer's head operator, or, if it has
 * a {@code broadcastName}, the broadcast set of that name.
 */
public record JobEdge(int id, int sourceVertex, int sourceOutput, int targetVertex, int targetInput,
                      DistributionPattern pattern, ExchangeMode exchangeMode, Partitioner<?> partitioner,
                      TypeSerializer<?> serializer, String broadcastName) implements Serializable {

    public boolean isBroadcastSet() {
        return broadcastName != null;
    }
}
