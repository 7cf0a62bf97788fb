package dev.spindle.runtime.operators.sort;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.sort.Order;
import java.io.Serializable;
import java.util.Objects;

/**
 * One key of a requested record order: what to sort by and in which direction. A list of them is
 * an order of several keys, earlier keys first. Keys compare in their natural order ({@code null}
 * first, {@link Comparable}, tuples field by field). Immutable; travels in the job graph.
 */
public record SortField<T>(KeySelector<T, ?> key, Order order) implements Serializable {

    public SortField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(order, "order");
    }
}
