package dev.spindle.runtime.operators.join;

import dev.spindle.api.functions.FlatJoinFunction;
import dev.spindle.api.functions.Function;
import dev.spindle.api.functions.JoinFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.Serializable;
import java.util.Objects;

/**
 * What a join operator needs to know, whatever its strategy: the join type, the key of each input,
 * the serializers of both inputs (records are kept serialized in managed memory and spill files),
 * and the user function: a {@link JoinFunction}, a {@link FlatJoinFunction}, or {@code null} for an
 * inner join that emits {@code Tuple2(left, right)}. Travels in the job graph.
 *
 * <p>Keys are compared with {@code equals} ({@code Objects.deepEquals}, so array keys compare by
 * content) and hashed with {@link dev.spindle.runtime.shuffle.partitioner.KeyHashing#stableHash}.
 * A {@code null} key matches nothing, not even another {@code null}: such a record only appears in
 * the output as the kept side of an outer join.
 */
public record JoinSpec<L, R>(JoinType type, KeySelector<L, ?> leftKey, KeySelector<R, ?> rightKey,
                             TypeSerializer<L> leftSerializer, TypeSerializer<R> rightSerializer,
                             Function function) implements Serializable {

    public JoinSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(leftKey, "leftKey");
        Objects.requireNonNull(rightKey, "rightKey");
        Objects.requireNonNull(leftSerializer, "leftSerializer");
        Objects.requireNonNull(rightSerializer, "rightSerializer");
        if (function == null ? type != JoinType.INNER
                : !(function instanceof JoinFunction<?, ?, ?> || function instanceof FlatJoinFunction<?, ?, ?>)) {
            throw new IllegalArgumentException(function == null
                    ? "An outer join needs a JoinFunction or FlatJoinFunction (with(...)) to say what to emit"
                    : "A join function must be a JoinFunction or FlatJoinFunction, got " + function.getClass().getName());
        }
    }
}
