package dev.spindle.runtime.operators.range;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.sort.Order;
import dev.spindle.runtime.sort.SortKey;
import dev.spindle.runtime.sort.SortKeys;
import java.util.List;

/**
 * The distinct sampled keys in ascending order, each with the share of the (estimated) data whose
 * keys are smaller: the cumulative distribution of the keys at the sample points. The
 * {@link #rank} of a key is that share, scaled to {@code [0, RANK_SCALE)}; it grows with the key
 * and is equal for equal keys, so cutting the rank range into equal pieces gives ordered, roughly
 * balanced partitions. Built once per subtask from the broadcast records; read-only afterwards.
 */
final class RangeBoundaries {

    /** Ranks run from 0 to {@code RANK_SCALE - 1}. */
    static final int RANK_SCALE = 1 << 30;

    private final Object[] keys;
    private final double[] shareBelow;
    private final SortKey<Object, Object> order = SortKeys.natural(Order.ASCENDING);

    /** From the records {@link RangeBoundaryOperator} emits: {@code (key, share below)}, ascending. */
    RangeBoundaries(List<Tuple2<Object, Double>> records) {
        keys = new Object[records.size()];
        shareBelow = new double[records.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = records.get(i).f0;
            shareBelow[i] = records.get(i).f1;
        }
    }

    /**
     * The rank of {@code key}: the share of sampled data with smaller keys, scaled to
     * {@code [0, RANK_SCALE)}; 0 for every key without samples (an empty input).
     */
    int rank(Object key) {
        if (keys.length == 0) {
            return 0;
        }
        int index = lowerBound(key);
        double share = index < keys.length ? shareBelow[index] : 1.0;
        return (int) Math.min(RANK_SCALE - 1, (long) (share * RANK_SCALE));
    }

    /** The first position whose key is not smaller than {@code key} (keys.length if none). */
    private int lowerBound(Object key) {
        int low = 0;
        int high = keys.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(keys[mid], key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The partition, of {@code numPartitions}, of a rank: equal slices of the rank range, in order. */
    static int partitionOf(int rank, int numPartitions) {
        return (int) ((long) rank * numPartitions / RANK_SCALE);
    }
}
