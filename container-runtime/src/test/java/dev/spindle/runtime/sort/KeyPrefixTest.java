package dev.spindle.runtime.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class KeyPrefixTest {

    private final Random random = new Random(42);

    @Test
    void shouldAgreeWithTheNaturalOrderOfNumbers() {
        checkAgreement(() -> random.nextInt(7) == 0 ? edgeInt() : random.nextInt());
        checkAgreement(() -> random.nextInt(7) == 0 ? edgeLong() : random.nextLong() >> random.nextInt(64));
        checkAgreement(() -> (short) random.nextInt());
        checkAgreement(() -> (byte) random.nextInt());
        checkAgreement(() -> (char) random.nextInt());
        checkAgreement(() -> random.nextBoolean());
        checkAgreement(() -> random.nextInt(5) == 0 ? edgeDouble() : random.nextGaussian() * 1e6);
        checkAgreement(() -> random.nextInt(5) == 0 ? (float) edgeDouble() : (float) random.nextGaussian());
    }

    @Test
    void shouldAgreeWithTheNaturalOrderOfStrings() {
        String alphabet = "ab\u0000\u007E\u007F\u0080\u00FF\u0100\u3FFF\u4000\uD800\uDC00\uFFFF";
        checkAgreement(() -> {
            int length = random.nextInt(12);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return sb.toString();
        });
        checkAgreement(() -> "prefix-" + random.nextInt(100));
    }

    @Test
    void shouldDecideShortStringsButNotLongOnes() {
        KeyPrefix prefix = new KeyPrefix(Order.ASCENDING, true);
        assertTrue(prefix.isDecisive(prefix.of("abcdefg")));
        assertFalse(prefix.isDecisive(prefix.of("abcdefgh")), "8 chars fill the prefix: a longer string may follow");
        assertFalse(prefix.isDecisive(prefix.of("")), "the empty string shares its prefix with null");
        assertFalse(prefix.isDecisive(prefix.of(null)));
        assertTrue(Long.compareUnsigned(prefix.of("ab"), prefix.of("ab\u0000")) < 0);
    }

    @Test
    void shouldNotDecideOnTheFirstOfSeveralKeyFields() {
        KeyPrefix prefix = new KeyPrefix(Order.ASCENDING, false);
        assertFalse(prefix.isDecisive(prefix.of(17L)));
    }

    @Test
    void shouldRefuseKeysOfAnotherType() {
        KeyPrefix prefix = new KeyPrefix(Order.ASCENDING, true);
        prefix.of(1);
        SortKeyException e = assertThrows(SortKeyException.class, () -> prefix.of(1L));
        assertTrue(e.getMessage().contains("java.lang.Long"), e.getMessage());
    }

    /** For random pairs in both orders: a smaller prefix means a smaller key, a decisive tie an equal key. */
    private void checkAgreement(Supplier<Object> keys) {
        for (Order order : Order.values()) {
            KeyPrefix prefix = new KeyPrefix(order, true);
            List<Object> sample = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                sample.add(keys.get());
            }
            sample.add(null);
            for (int i = 0; i < 20_000; i++) {
                Object a = sample.get(random.nextInt(sample.size()));
                Object b = random.nextInt(10) == 0 ? a : sample.get(random.nextInt(sample.size()));
                int byKey = Integer.signum(order.apply(NaturalOrder.compare(a, b)));
                long pa = prefix.of(a);
                long pb = prefix.of(b);
                int byPrefix = Integer.signum(Long.compareUnsigned(pa, pb));
                if (byPrefix != 0) {
                    assertEquals(byKey, byPrefix, () -> order + " " + a + " vs " + b);
                } else if (prefix.isDecisive(pa)) {
                    assertEquals(0, byKey, () -> order + " decisive tie of " + a + " and " + b);
                }
            }
        }
    }

    private int edgeInt() {
        int[] edges = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1};
        return edges[random.nextInt(edges.length)];
    }

    private long edgeLong() {
        long[] edges = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1};
        return edges[random.nextInt(edges.length)];
    }

    private double edgeDouble() {
        double[] edges = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0, 0.0,
                Double.MIN_VALUE, -Double.MAX_VALUE};
        return edges[random.nextInt(edges.length)];
    }
}
