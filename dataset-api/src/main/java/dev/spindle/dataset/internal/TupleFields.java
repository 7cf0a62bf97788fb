package dev.spindle.dataset.internal;

import dev.spindle.api.tuple.Tuple;
import dev.spindle.runtime.serialization.DynamicSerializer;
import dev.spindle.runtime.serialization.TupleSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.lang.reflect.InvocationTargetException;

/** Plan-time checks of field positions against a data set's record type. Stateless. */
public final class TupleFields {

    private TupleFields() {
    }

    /**
     * Fails with a message naming {@code operation} if the records are known not to be tuples or to
     * lack one of {@code fields}. Records of unknown type (erased lambdas) pass; they are checked
     * when the job runs.
     */
    public static void check(String operation, TypeSerializer<?> serializer, int... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException(operation + " needs at least one field position");
        }
        if (serializer instanceof DynamicSerializer) {
            return;
        }
        if (!(serializer instanceof TupleSerializer<?> tuples)) {
            throw new IllegalArgumentException(operation + " by field position needs tuple records (Tuple1..Tuple8); "
                    + "use a KeySelector or map the records to tuples first");
        }
        int arity = arity(tuples.getTupleClass());
        for (int field : fields) {
            if (field < 0 || field >= arity) {
                throw new IllegalArgumentException(operation + ": field " + field + " does not exist in "
                        + tuples.getTupleClass().getSimpleName() + " (fields 0.." + (arity - 1) + ")");
            }
        }
    }

    private static int arity(Class<? extends Tuple> type) {
        try {
            return type.getDeclaredConstructor().newInstance().getArity();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException
                 | NoSuchMethodException e) {
            throw new IllegalStateException("Cannot instantiate tuple class " + type.getName(), e);
        }
    }
}
