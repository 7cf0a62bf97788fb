package dev.spindle.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic, skewed test data, the same in the test and in the job's functions, and the
 * multiset view that order-insensitive checks compare.
 */
final class TestData {

    /** Number of distinct keys of {@link #skewedKey}. */
    static final int KEYS = 500;

    /** Share (percent) of records that carry key 0, the hot key. */
    static final int HOT_KEY_PERCENT = 40;

    private static final String[] WORDS = {
        "the", "spindle", "shuffle", "buffer", "partition", "grüße", "€uro", "key", "record", "slot",
    };

    private TestData() {
    }

    /** The key of the record at {@code index}: 0 for about 40% of records, otherwise one of 1..KEYS-1. */
    static int skewedKey(long index) {
        long h = mix(index);
        if (Long.remainderUnsigned(h, 100) < HOT_KEY_PERCENT) {
            return 0;
        }
        return 1 + (int) Long.remainderUnsigned(h >>> 16, KEYS - 1);
    }

    /** A value in 0..999 for the record at {@code index}, independent of its key. */
    static int value(long index) {
        return (int) Long.remainderUnsigned(mix(index ^ 0x5DEECE66DL), 1000);
    }

    /** {@code n} integers in {@code 0..bound-1} from a seeded Random; about a third of them are 7. */
    static List<Integer> skewedInts(long seed, int n, int bound) {
        Random random = new Random(seed);
        List<Integer> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(random.nextInt(3) == 0 ? 7 : random.nextInt(bound));
        }
        return result;
    }

    /** {@code n} sentences of 1 to 12 words; "the" makes up about half of all words. */
    static List<String> sentences(long seed, int n) {
        Random random = new Random(seed);
        List<String> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int words = 1 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    sb.append(' ');
                }
                sb.append(random.nextBoolean() ? WORDS[0] : WORDS[random.nextInt(WORDS.length)]);
            }
            result.add(sb.toString());
        }
        return result;
    }

    /** How often each record occurs. */
    static <T> Map<T, Long> multiset(Collection<? extends T> records) {
        Map<T, Long> counts = new HashMap<>();
        for (T r : records) {
            counts.merge(r, 1L, Long::sum);
        }
        return counts;
    }

    /** SplitMix64's finalizer: spreads consecutive indexes over all 64 bits. */
    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
