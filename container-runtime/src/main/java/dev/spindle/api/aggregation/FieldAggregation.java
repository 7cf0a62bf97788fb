package dev.spindle.api.aggregation;

import java.io.Serializable;

/** One aggregated tuple field: which {@link Aggregations aggregation} of which (0-based) field. */
public record FieldAggregation(Aggregations aggregation, int field) implements Serializable {

    public FieldAggregation {
        if (aggregation == null) {
            throw new IllegalArgumentException("Give an aggregation (SUM, MIN or MAX)");
        }
        if (field < 0) {
            throw new IllegalArgumentException("Field positions start at 0, got " + field);
        }
    }

    @Override
    public String toString() {
        return aggregation + "(" + field + ")";
    }
}
