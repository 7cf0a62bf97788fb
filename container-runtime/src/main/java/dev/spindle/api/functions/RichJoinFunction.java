package dev.spindle.api.functions;

/** A {@link JoinFunction} with {@code open}/{@code close} and the runtime context (subtask, accumulators, broadcast sets). */
public abstract class RichJoinFunction<L, R, O> extends AbstractRichFunction implements JoinFunction<L, R, O> {
}
