/**
 * Range partitioning with boundaries taken from the data within the same job:
 * {@link dev.spindle.runtime.operators.range.RangeSampleOperator} samples the keys of every input
 * partition, {@link dev.spindle.runtime.operators.range.RangeBoundaryOperator} (one subtask) turns the
 * samples into {@link dev.spindle.runtime.operators.range.RangeBoundaries}, broadcast to
 * {@link dev.spindle.runtime.operators.range.RangeAssignOperator}, which tags each record with the
 * rank of its key, and {@link dev.spindle.runtime.operators.range.RankPartitioner} routes records by
 * that rank to as many partitions as the consumer has subtasks.
 */
package dev.spindle.runtime.operators.range;
