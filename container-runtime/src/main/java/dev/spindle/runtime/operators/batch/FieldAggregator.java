package dev.spindle.runtime.operators.batch;

import dev.spindle.api.aggregation.AggregationException;
import dev.spindle.api.aggregation.FieldAggregation;
import dev.spindle.api.tuple.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Aggregates one field of the tuples of each group held in an {@link AggregationTable}. The group's
 * first tuple (its carrier) stays in the table; {@link #start} sees it, {@link #update} sees the
 * field of each further tuple, and {@link #finish} writes the result into the carrier. Sums of
 * primitive numbers run in the slot's {@code long} accumulator {@link #accumulator}, so the hot path
 * neither boxes nor writes into old objects; other aggregates are kept in the carrier itself. A
 * group without a carrier (see {@link TupleAggregateTable}) keeps every aggregate, a primitive
 * number, in its accumulator: {@link #startInSlot} and {@link #updateInSlot}.
 * Stateless apart from its configuration; used by the task thread.
 */
abstract class FieldAggregator {

    final int field;
    final int accumulator;

    private FieldAggregator(int field, int accumulator) {
        this.field = field;
        this.accumulator = accumulator;
    }

    /** The aggregator of {@code spec}, using accumulator number {@code accumulator} of each slot. */
    static FieldAggregator of(FieldAggregation spec, int accumulator) {
        return switch (spec.aggregation()) {
            case SUM -> new Sum(spec.field(), accumulator);
            case MIN -> new MinMax(spec.field(), accumulator, true);
            case MAX -> new MinMax(spec.field(), accumulator, false);
        };
    }

    /** A group begins with {@code carrier}, just inserted into {@code slot}. */
    abstract void start(AggregationTable table, int slot, Tuple carrier);

    /** Folds {@code value}, this field of another tuple of the group in {@code slot}. */
    abstract void update(AggregationTable table, int slot, Object value);

    /** Writes the group's result into its carrier. */
    abstract void finish(AggregationTable table, int slot, Tuple carrier);

    /** A group without a carrier begins with {@code value}, a primitive number, in the accumulator. */
    final void startInSlot(AggregationTable table, int slot, Object value) {
        if (isFloating(value)) {
            table.setDouble(slot, accumulator, ((Number) value).doubleValue());
        } else {
            table.setLong(slot, accumulator, ((Number) value).longValue());
        }
    }

    /** Folds {@code value}, a primitive number of the group's type, into a group without a carrier. */
    abstract void updateInSlot(AggregationTable table, int slot, Object value);

    static boolean isFloating(Object value) {
        return value instanceof Double || value instanceof Float;
    }

    final AggregationException cannotAggregate(String what, Object value) {
        return new AggregationException("Cannot " + what + " field " + field + ": it holds "
                + (value == null ? "null" : "a " + value.getClass().getName() + " ('" + value + "')"));
    }

    /** Sums integral numbers in a long, Float and Double in a double, BigDecimal and BigInteger in the carrier. */
    private static final class Sum extends FieldAggregator {

        Sum(int field, int accumulator) {
            super(field, accumulator);
        }

        @Override
        void start(AggregationTable table, int slot, Tuple carrier) {
            Object value = carrier.getField(field);
            if (isIntegral(value)) {
                table.addLong(slot, accumulator, ((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                table.addDouble(slot, accumulator, ((Number) value).doubleValue());
            } else if (!(value instanceof BigDecimal) && !(value instanceof BigInteger)) {
                throw cannotAggregate("sum", value);
            }
        }

        @Override
        void update(AggregationTable table, int slot, Object value) {
            if (value instanceof Integer i) {
                table.addLong(slot, accumulator, i);
            } else if (value instanceof Long l) {
                table.addLong(slot, accumulator, l);
            } else if (value instanceof Double d) {
                table.addDouble(slot, accumulator, d);
            } else if (isIntegral(value)) {
                table.addLong(slot, accumulator, ((Number) value).longValue());
            } else if (value instanceof Float f) {
                table.addDouble(slot, accumulator, f);
            } else if (table.record(slot) instanceof Tuple carrier) {
                updateInCarrier(carrier, value);
            } else {
                // A group without a carrier sums primitive numbers only.
                throw cannotAggregate("sum", value);
            }
        }

        @Override
        void updateInSlot(AggregationTable table, int slot, Object value) {
            if (isFloating(value)) {
                table.addDouble(slot, accumulator, ((Number) value).doubleValue());
            } else {
                table.addLong(slot, accumulator, ((Number) value).longValue());
            }
        }

        private void updateInCarrier(Tuple carrier, Object value) {
            Object current = carrier.getField(field);
            if (current instanceof BigDecimal sum && value instanceof BigDecimal d) {
                carrier.setField(field, sum.add(d));
            } else if (current instanceof BigInteger sum && value instanceof BigInteger i) {
                carrier.setField(field, sum.add(i));
            } else {
                throw cannotAggregate("sum", value);
            }
        }

        @Override
        void finish(AggregationTable table, int slot, Tuple carrier) {
            Object original = carrier.getField(field);
            long longSum = table.getLong(slot, accumulator);
            if (original instanceof Integer) {
                carrier.setField(field, (int) longSum);
            } else if (original instanceof Long) {
                carrier.setField(field, longSum);
            } else if (original instanceof Double) {
                carrier.setField(field, table.getDouble(slot, accumulator));
            } else if (original instanceof Float) {
                carrier.setField(field, (float) table.getDouble(slot, accumulator));
            } else if (original instanceof Short) {
                carrier.setField(field, (short) longSum);
            } else if (original instanceof Byte) {
                carrier.setField(field, (byte) longSum);
            }
        }

        private static boolean isIntegral(Object value) {
            return value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte;
        }
    }

    /** Keeps the smallest or largest value in the carrier. */
    private static final class MinMax extends FieldAggregator {

        private final boolean min;

        MinMax(int field, int accumulator, boolean min) {
            super(field, accumulator);
            this.min = min;
        }

        @Override
        void start(AggregationTable table, int slot, Tuple carrier) {
            Object value = carrier.getField(field);
            if (!(value instanceof Comparable)) {
                throw cannotAggregate(min ? "take the minimum of" : "take the maximum of", value);
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        void update(AggregationTable table, int slot, Object value) {
            if (value == null) {
                throw cannotAggregate(min ? "take the minimum of" : "take the maximum of", null);
            }
            Tuple carrier = (Tuple) table.record(slot);
            int c = ((Comparable) value).compareTo(carrier.getField(field));
            if (min ? c < 0 : c > 0) {
                carrier.setField(field, value);
            }
        }

        @Override
        void finish(AggregationTable table, int slot, Tuple carrier) {
        }

        @Override
        void updateInSlot(AggregationTable table, int slot, Object value) {
            if (isFloating(value)) {
                double v = ((Number) value).doubleValue();
                // Double.compare orders as update's compareTo does (NaN above all, -0.0 below 0.0).
                int c = Double.compare(v, table.getDouble(slot, accumulator));
                if (min ? c < 0 : c > 0) {
                    table.setDouble(slot, accumulator, v);
                }
            } else {
                long v = ((Number) value).longValue();
                long current = table.getLong(slot, accumulator);
                if (min ? v < current : v > current) {
                    table.setLong(slot, accumulator, v);
                }
            }
        }
    }
}
