package dev.spindle.api.functions;

/** A {@link FilterFunction} with {@code open}/{@code close} and the runtime context (subtask, accumulators, broadcast sets). */
public abstract class RichFilterFunction<T> extends AbstractRichFunction implements FilterFunction<T> {
}
