package dev.spindle.runtime.operators.join;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.FlatJoinFunction;
import dev.spindle.api.functions.Function;
import dev.spindle.api.functions.JoinFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.operators.FunctionUtils;

/**
 * Hands joined pairs, in left/right order, to the user function of a {@link JoinSpec} and its
 * results to the operator's output; without a function it emits {@code Tuple2(left, right)}. Owns
 * the function's lifecycle ({@link #open}, {@link #close}). Task thread only.
 */
final class JoinEmitter<L, R, O> {

    private final Function function;
    private final JoinFunction<L, R, O> join;
    private final FlatJoinFunction<L, R, O> flatJoin;
    private final Collector<O> out;

    @SuppressWarnings("unchecked")
    JoinEmitter(Function function, Collector<O> out) {
        this.function = function;
        this.join = function instanceof JoinFunction<?, ?, ?> j ? (JoinFunction<L, R, O>) j : null;
        this.flatJoin = function instanceof FlatJoinFunction<?, ?, ?> f ? (FlatJoinFunction<L, R, O>) f : null;
        this.out = out;
    }

    void open(RuntimeContext context) throws Exception {
        if (function != null) {
            FunctionUtils.open(function, context);
        }
    }

    void close() throws Exception {
        if (function != null) {
            FunctionUtils.close(function);
        }
    }

    /** Emits the result of one pair; either side may be {@code null} in outer joins. */
    @SuppressWarnings("unchecked")
    void emit(L left, R right) throws Exception {
        if (flatJoin != null) {
            flatJoin.join(left, right, out);
        } else if (join != null) {
            O result = join.join(left, right);
            if (result == null) {
                throw new NullPointerException("The join function returned null (records may not be null)");
            }
            out.collect(result);
        } else {
            out.collect((O) new Tuple2<>(left, right));
        }
    }

    /** The pairs of a join whose first input is the left one. */
    JoinCollector<L, R> leftFirst() {
        return new JoinCollector<>() {
            @Override
            public void match(L first, R second) throws Exception {
                emit(first, second);
            }

            @Override
            public void unmatchedFirst(L first) throws Exception {
                emit(first, null);
            }

            @Override
            public void unmatchedSecond(R second) throws Exception {
                emit(null, second);
            }
        };
    }

    /** The pairs of a join whose first input is the right one (a hash join that builds on the right). */
    JoinCollector<R, L> rightFirst() {
        return new JoinCollector<>() {
            @Override
            public void match(R first, L second) throws Exception {
                emit(second, first);
            }

            @Override
            public void unmatchedFirst(R first) throws Exception {
                emit(null, first);
            }

            @Override
            public void unmatchedSecond(L second) throws Exception {
                emit(second, null);
            }
        };
    }
}
