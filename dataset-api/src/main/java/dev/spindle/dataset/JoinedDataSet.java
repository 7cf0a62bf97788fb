package dev.spindle.dataset;

import dev.spindle.api.functions.FlatJoinFunction;
import dev.spindle.api.functions.JoinFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.serialization.TupleSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;

/**
 * The result of an inner join: the matching pairs as {@code Tuple2(left, right)}; or, through
 * {@link #with}, whatever a join function makes of each pair (a new step that replaces the pairs).
 */
public final class JoinedDataSet<L, R> extends DataSet<Tuple2<L, R>> {

    private final JoinDefinition<L, R> definition;

    JoinedDataSet(JoinDefinition<L, R> definition) {
        super(definition.env(), definition.node(null, pairSerializer(definition)));
        this.definition = definition;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <L, R> TypeSerializer<Tuple2<L, R>> pairSerializer(JoinDefinition<L, R> definition) {
        return new TupleSerializer(Tuple2.class, new TypeSerializer<?>[] {definition.leftSerializer(),
                definition.rightSerializer()});
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
