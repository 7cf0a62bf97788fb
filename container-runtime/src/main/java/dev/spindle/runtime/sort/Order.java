package dev.spindle.runtime.sort;

/** The direction in which a key is sorted. */
public enum Order {
    ASCENDING,
    DESCENDING;

    /** {@code comparison} (of ascending order) turned into this order. */
    int apply(int comparison) {
        return this == ASCENDING ? comparison : -Integer.signum(comparison);
    }
}
