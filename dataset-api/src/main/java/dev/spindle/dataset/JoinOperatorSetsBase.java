package dev.spindle.dataset;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple;
import dev.spindle.dataset.internal.TupleFieldKeySelector;
import dev.spindle.runtime.operators.join.JoinType;
import dev.spindle.runtime.serialization.DynamicSerializer;
import dev.spindle.runtime.serialization.KryoSerializer;
import dev.spindle.runtime.serialization.TupleSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.util.Objects;

/**
 * The two inputs of a join, waiting for their keys: {@code where} names the first (left) input's
 * key, {@code equalTo} the second (right) input's; records join when their keys are equal
 * ({@code equals}; {@code null} keys match nothing). Keys are tuple fields (0-based positions; several
 * fields make a composite key) or computed by a {@link KeySelector}. {@code J} is what the completed
 * join offers: a data set of pairs ({@link JoinedDataSet}) or, for outer joins, {@link OuterJoin}.
 */
public abstract class JoinOperatorSetsBase<L, R, J> {

    private final DataSet<L> left;
    private final DataSet<R> right;
    private final JoinType type;
    private final JoinHint hint;

    JoinOperatorSetsBase(DataSet<L> left, DataSet<R> right, JoinType type, JoinHint hint) {
        Objects.requireNonNull(right, "the data set to join with");
        Objects.requireNonNull(hint, "hint");
        if (left.env != right.env) {
            throw new IllegalArgumentException("Cannot join data sets of different environments");
        }
        JoinDefinition.checkHint(type, hint);
        this.left = left;
        this.right = right;
        this.type = type;
        this.hint = hint;
    }

    /** Makes the result of the completed join. */
    abstract J complete(JoinDefinition<L, R> definition);

    /** Keys the first input by tuple fields. */
    public Where where(int... fields) {
        checkFields(left, fields, "where");
        return new Where(new TupleFieldKeySelector<>(fields), fields.length);
    }

    /** Rejects field positions that the input's records, if their type is known, do not have. */
    private static void checkFields(DataSet<?> input, int[] fields, String method) {
        TypeSerializer<?> serializer = input.serializer();
        if (serializer instanceof TupleSerializer<?> tuples) {
            int arity = arity(tuples.getTupleClass());
            for (int field : fields) {
                if (field < 0 || field >= arity) {
                    throw new IllegalArgumentException(method + "(...) names field " + field + ", but the records are "
                            + tuples.getTupleClass().getSimpleName() + "s with fields 0 to " + (arity - 1));
                }
            }
        } else if (!(serializer instanceof DynamicSerializer || serializer instanceof KryoSerializer)) {
            throw new IllegalArgumentException(method + "(...) with field positions needs tuple records, but "
                    + input.node.name() + " produces records serialized by " + serializer.getClass().getSimpleName()
                    + "; key them with a KeySelector instead");
        }
    }

    private static int arity(Class<?> tupleClass) {
        for (int arity = 1; arity <= Tuple.MAX_ARITY; arity++) {
            if (Tuple.ofArity(arity).getClass().isAssignableFrom(tupleClass)) {
                return arity;
            }
        }
        throw new IllegalStateException("Not a tuple class: " + tupleClass.getName());
    }

    /** Keys the first input by a key selector. */
    public <K> Where where(KeySelector<L, K> keySelector) {
        return new Where(Objects.requireNonNull(keySelector, "keySelector"), -1);
    }

    /** A join whose first input's key is known; {@code equalTo} gives the second input's. */
    public final class Where {

        private final KeySelector<L, ?> leftKey;
        private final int leftFields;

        private Where(KeySelector<L, ?> leftKey, int leftFields) {
            this.leftKey = leftKey;
            this.leftFields = leftFields;
        }

        /** Keys the second input by tuple fields; as many as {@code where} named, of the same types. */
        public J equalTo(int... fields) {
            checkFields(right, fields, "equalTo");
            if (leftFields >= 0 && fields.length != leftFields) {
                throw new IllegalArgumentException("where(...) names " + leftFields + " key fields but equalTo(...) "
                        + fields.length + "; both keys need the same fields in the same order");
            }
            return complete(new JoinDefinition<>(left, right, type, hint, leftKey, new TupleFieldKeySelector<>(fields)));
        }

        /** Keys the second input by a key selector, whose keys must equal the first input's keys. */
        public <K> J equalTo(KeySelector<R, K> keySelector) {
            return complete(new JoinDefinition<>(left, right, type, hint, leftKey,
                    Objects.requireNonNull(keySelector, "keySelector")));
        }
    }
}
