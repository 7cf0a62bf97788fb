package dev.spindle.runtime.operators.batch;

import dev.spindle.api.aggregation.FieldAggregation;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple;
import dev.spindle.runtime.hash.HashAggregateTable;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.util.List;

/**
 * Sum, min and max of several tuple fields per key in one pass (see {@link TupleAggregateTable}),
 * as a combiner before the shuffle or as the final, spilling aggregation after it (see
 * {@link HashAggregateOperator}). A null key selector makes the whole input one group. Fields that
 * are neither aggregated nor part of the key keep the values of the group's first tuple.
 */
public final class TupleAggregateOperator<T extends Tuple, K> extends HashAggregateOperator<T, K> {

    private final List<FieldAggregation> fields;
    private final int keyField;

    /** An aggregation whose key selector is not known to return one field; groups keep carriers. */
    public TupleAggregateOperator(KeySelector<T, K> keySelector, List<FieldAggregation> fields,
                                  TypeSerializer<T> serializer, int maxEntries) {
        this(keySelector, -1, fields, serializer, maxEntries);
    }

    /**
     * @param keyField the field that {@code keySelector} returns, or -1; with it, groups of Long or
     *                 Integer keys and primitive sums need no carrier (see {@link TupleAggregateTable})
     */
    public TupleAggregateOperator(KeySelector<T, K> keySelector, int keyField, List<FieldAggregation> fields,
                                  TypeSerializer<T> serializer, int maxEntries) {
        super(keySelector == null ? new WholeInput<>() : keySelector, serializer, maxEntries);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("Give at least one field to aggregate");
        }
        this.fields = List.copyOf(fields);
        this.keyField = keySelector == null ? -1 : keyField;
    }

    @Override
    protected HashAggregateTable<T> createTable() {
        return new TupleAggregateTable<>(keySelector, keyField, fields);
    }

    /** The one key of an aggregation over the whole input. */
    @SuppressWarnings("unchecked")
    private static final class WholeInput<T, K> implements KeySelector<T, K> {
        @Override
        public K getKey(T value) {
            return (K) Boolean.TRUE;
        }
    }
}
