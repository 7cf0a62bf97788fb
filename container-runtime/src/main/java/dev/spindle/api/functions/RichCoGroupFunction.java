package dev.spindle.api.functions;

/** A {@link CoGroupFunction} with {@code open}/{@code close} and the runtime context (subtask, accumulators, broadcast sets). */
public abstract class RichCoGroupFunction<L, R, O> extends AbstractRichFunction implements CoGroupFunction<L, R, O> {
}
