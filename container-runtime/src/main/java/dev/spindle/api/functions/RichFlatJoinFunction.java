package dev.spindle.api.functions;

/** A {@link FlatJoinFunction} with {@code open}/{@code close} and the runtime context (subtask, accumulators, broadcast sets). */
public abstract class RichFlatJoinFunction<L, R, O> extends AbstractRichFunction implements FlatJoinFunction<L, R, O> {
}
