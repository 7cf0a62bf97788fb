package dev.spindle.api.functions;

/** A {@link CrossFunction} with {@code open}/{@code close} and the runtime context (subtask, accumulators, broadcast sets). */
public abstract class RichCrossFunction<L, R, O> extends AbstractRichFunction implements CrossFunction<L, R, O> {
}
