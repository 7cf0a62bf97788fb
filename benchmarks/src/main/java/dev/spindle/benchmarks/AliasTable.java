package dev.spindle.benchmarks;

import java.util.SplittableRandom;

/**
 * Walker/Vose alias table: samples an index from a fixed discrete distribution in O(1).
 *
 * <p>Immutable after construction, so one table may be shared by any number of threads; each
 * caller supplies its own {@link SplittableRandom}.
 */
final class AliasTable {

    private static final double TWO_POW_32 = 4294967296.0;

    /** Column {@code i} yields {@code i} when the low 32 random bits are below this, else {@code alias[i]}. */
    private final long[] threshold;
    private final int[] alias;

    /** @param weights non-negative weights, at least one positive; they need not sum to 1 */
    AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("weights must not be empty");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative: " + w);
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1.0) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        threshold = new long[n];
        alias = new int[n];
        while (smallCount > 0 && largeCount > 0) {
            int s = small[--smallCount];
            int l = large[--largeCount];
            threshold[s] = (long) (scaled[s] * TWO_POW_32);
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                small[smallCount++] = l;
            } else {
                large[largeCount++] = l;
            }
        }
        // Whatever is left is 1.0 up to rounding error: always take the column itself.
        while (largeCount > 0) {
            fillColumn(large[--largeCount]);
        }
        while (smallCount > 0) {
            fillColumn(small[--smallCount]);
        }
    }

    private void fillColumn(int i) {
        threshold[i] = 1L << 32;
        alias[i] = i;
    }

    int size() {
        return alias.length;
    }

    /** Draws one index; uses the high 32 bits of one random long for the column, the low 32 for the coin. */
    int sample(SplittableRandom random) {
        long r = random.nextLong();
        int column = (int) (((r >>> 32) * alias.length) >>> 32);
        return (r & 0xFFFF_FFFFL) < threshold[column] ? column : alias[column];
    }
}
