package dev.spindle.api.functions;

/** A {@link MapPartitionFunction} with {@code open}/{@code close} and the runtime context (subtask, accumulators, broadcast sets). */
public abstract class RichMapPartitionFunction<IN, OUT> extends AbstractRichFunction implements MapPartitionFunction<IN, OUT> {
}
