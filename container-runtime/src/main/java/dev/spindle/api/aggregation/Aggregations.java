package dev.spindle.api.aggregation;

/**
 * The built-in aggregations of a tuple field, for {@code grouping.aggregate(Aggregations.SUM, 1)}
 * and {@code dataSet.aggregate(...)}.
 *
 * <ul>
 *   <li>{@link #SUM}: the sum, in the field's own type (Integer, Long, Short, Byte, Double, Float,
 *       BigDecimal, BigInteger). Integral sums run in a {@code long} and are narrowed to the field's
 *       type at the end, so they overflow like Java arithmetic on that type; Float sums run in a
 *       {@code double}.</li>
 *   <li>{@link #MIN}, {@link #MAX}: the smallest or largest value, of any {@link Comparable} type
 *       (numbers, strings, dates...).</li>
 * </ul>
 * A {@code null} in an aggregated field fails the job, naming the field.
 */
public enum Aggregations {
    SUM,
    MIN,
    MAX
}
