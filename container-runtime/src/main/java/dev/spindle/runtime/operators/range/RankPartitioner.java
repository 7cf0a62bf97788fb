package dev.spindle.runtime.operators.range;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.shuffle.partitioner.Partitioner;

/**
 * Routes {@code (rank, record)} pairs from {@link RangeAssignOperator}: partition {@code i} of
 * {@code n} gets the ranks of the {@code i}-th of {@code n} equal slices of the rank range, so
 * partitions are ordered by key and equal keys share a partition.
 */
public final class RankPartitioner<T> implements Partitioner<Tuple2<Integer, T>> {

    @Override
    public int select(Tuple2<Integer, T> record, int numSubpartitions) {
        return RangeBoundaries.partitionOf(record.f0, numSubpartitions);
    }

    @Override
    public String name() {
        return "RANGE";
    }
}
