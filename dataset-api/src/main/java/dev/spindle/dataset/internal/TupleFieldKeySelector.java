package dev.spindle.dataset.internal;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple;

/** The key of a tuple made of some of its fields: the field itself for one, a tuple of them for several. */
public final class TupleFieldKeySelector<T> implements KeySelector<T, Object> {

    private final int[] fields;

    public TupleFieldKeySelector(int... fields) {
        if (fields.length == 0 || fields.length > Tuple.MAX_ARITY) {
            throw new IllegalArgumentException("Give between 1 and " + Tuple.MAX_ARITY + " key fields");
        }
        this.fields = fields.clone();
    }

    /** The key's field positions. */
    public int[] fields() {
        return fields.clone();
    }

    @Override
    public Object getKey(T value) {
        if (!(value instanceof Tuple t)) {
            throw new IllegalArgumentException("Field positions as keys need tuple records, got "
                    + value.getClass().getName() + "; use a KeySelector instead");
        }
        if (fields.length == 1) {
            return t.getField(fields[0]);
        }
        Tuple key = Tuple.ofArity(fields.length);
        for (int i = 0; i < fields.length; i++) {
            key.setField(i, t.getField(fields[i]));
        }
        return key;
    }
}
