package dev.spindle.api.functions;

/** A {@link ReduceFunction} with {@code open}/{@code close} and the runtime context (subtask, accumulators, broadcast sets). */
public abstract class RichReduceFunction<T> extends AbstractRichFunction implements ReduceFunction<T> {
}
