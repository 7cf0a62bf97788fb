package dev.spindle.runtime.sort;

/**
 * Maps non-null keys of one type to 8-byte prefixes whose unsigned order is the keys' natural
 * (ascending) order; see {@link SortKey} for the contract. A prefix of 0 never decides equality (0 is
 * also the prefix of {@code null}). Stateless.
 */
abstract class KeyNormalizer {

    abstract long normalize(Object key);

    /** Whether equal prefixes {@code prefix} (non-zero) imply equal keys. */
    abstract boolean isDecisive(long prefix);

    /** The normalizer for keys of {@code type}, or {@code null} if there is none. */
    static KeyNormalizer forClass(Class<?> type) {
        if (type == Long.class) {
            return LONG;
        }
        if (type == Integer.class || type == Short.class || type == Byte.class || type == Character.class
                || type == Boolean.class) {
            return INT_LIKE;
        }
        if (type == String.class) {
            return STRING;
        }
        if (type == Double.class) {
            return DOUBLE;
        }
        if (type == Float.class) {
            return FLOAT;
        }
        return null;
    }

    /** Flipping the sign bit turns signed order into unsigned order; only {@code Long.MIN_VALUE} maps to 0. */
    static final KeyNormalizer LONG = new KeyNormalizer() {
        @Override
        long normalize(Object key) {
            return (Long) key ^ Long.MIN_VALUE;
        }

        @Override
        boolean isDecisive(long prefix) {
            return true;
        }
    };

    /** 32-bit values in the high half, a 1 in the low bit so that no key maps to 0. */
    static final KeyNormalizer INT_LIKE = new KeyNormalizer() {
        @Override
        long normalize(Object key) {
            int v;
            if (key instanceof Integer i) {
                v = i;
            } else if (key instanceof Character c) {
                v = c;
            } else if (key instanceof Boolean b) {
                v = b ? 1 : 0;
            } else {
                v = ((Number) key).intValue();
            }
            return ((v ^ 0x80000000) & 0xFFFFFFFFL) << 32 | 1L;
        }

        @Override
        boolean isDecisive(long prefix) {
            return true;
        }
    };

    /** IEEE bits with the sign handled so that unsigned order is {@link Double#compare} order. */
    static final KeyNormalizer DOUBLE = new KeyNormalizer() {
        @Override
        long normalize(Object key) {
            long bits = Double.doubleToLongBits((Double) key);
            return bits ^ ((bits >> 63) | Long.MIN_VALUE);
        }

        @Override
        boolean isDecisive(long prefix) {
            return true;
        }
    };

    static final KeyNormalizer FLOAT = new KeyNormalizer() {
        @Override
        long normalize(Object key) {
            int bits = Float.floatToIntBits((Float) key);
            int ordered = bits ^ ((bits >> 31) | 0x80000000);
            return (ordered & 0xFFFFFFFFL) << 32 | 1L;
        }

        @Override
        boolean isDecisive(long prefix) {
            return true;
        }
    };

    /**
     * The first 8 bytes of an order-preserving, zero-free encoding of the string's chars: chars below
     * 0x7F take one byte ({@code c + 1}), others three (a lead byte 0x80-0x83, then two bytes of 7
     * bits plus 1). Shorter strings are padded with zero bytes, which sort before every char, so a
     * string sorts before its extensions. When the lowest byte is padding, the whole string is in the
     * prefix and equal prefixes mean equal strings.
     */
    static final KeyNormalizer STRING = new KeyNormalizer() {
        @Override
        long normalize(Object key) {
            String s = (String) key;
            long result = 0;
            int bytes = 0;
            for (int i = 0; i < s.length() && bytes < 8; i++) {
                char c = s.charAt(i);
                if (c < 0x7F) {
                    result = result << 8 | (c + 1);
                    bytes++;
                } else {
                    int[] code = {0x80 + (c >> 14), ((c >> 7) & 0x7F) + 1, (c & 0x7F) + 1};
                    for (int j = 0; j < 3 && bytes < 8; j++) {
                        result = result << 8 | code[j];
                        bytes++;
                    }
                }
            }
            return bytes == 0 ? 0 : result << (8 * (8 - bytes));
        }

        @Override
        boolean isDecisive(long prefix) {
            return (prefix & 0xFF) == 0;
        }
    };
}
