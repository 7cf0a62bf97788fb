package dev.spindle.dataset;

import dev.spindle.api.functions.FlatJoinFunction;
import dev.spindle.api.functions.JoinFunction;

/**
 * An outer join whose keys are known; {@link #with} says what to emit for each pair, where the side
 * without a match is {@code null}.
 */
public final class OuterJoin<L, R> {

    private final JoinDefinition<L, R> definition;

    OuterJoin(JoinDefinition<L, R> definition) {
        this.definition = definition;
    }

    /** One result per pair; its type is read from the function's signature (or given with {@code returns}). */
    public <O> DataSet<O> with(JoinFunction<L, R, O> function) {
        return definition.with(function);
    }

    /** Any number of results per pair. */
    public <O> DataSet<O> with(FlatJoinFunction<L, R, O> function) {
        return definition.with(function);
    }
}
