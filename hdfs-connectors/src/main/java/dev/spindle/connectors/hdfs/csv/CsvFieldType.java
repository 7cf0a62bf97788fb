package dev.spindle.connectors.hdfs.csv;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The field types a CSV file can be read as, and how each parses the (unquoted) text of a field.
 * Parsing is strict: numbers have no surrounding spaces, no thousands separators and no type suffix
 * ({@code 1.5f}); integers must fit their type; booleans are {@code true} or {@code false} in any
 * case. Integer types are parsed from the bytes directly, without making a string. Stateless.
 */
public enum CsvFieldType {

    STRING(String.class, "String") {
        @Override
        Object parse(byte[] b, int start, int end) {
            return new String(b, start, end - start, StandardCharsets.UTF_8);
        }
    },
    INT(Integer.class, "int") {
        @Override
        Object parse(byte[] b, int start, int end) {
            return (int) parseLong(b, start, end, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    },
    LONG(Long.class, "long") {
        @Override
        Object parse(byte[] b, int start, int end) {
            return parseLong(b, start, end, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    },
    SHORT(Short.class, "short") {
        @Override
        Object parse(byte[] b, int start, int end) {
            return (short) parseLong(b, start, end, Short.MIN_VALUE, Short.MAX_VALUE);
        }
    },
    BYTE(Byte.class, "byte") {
        @Override
        Object parse(byte[] b, int start, int end) {
            return (byte) parseLong(b, start, end, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
    },
    DOUBLE(Double.class, "double") {
        @Override
        Object parse(byte[] b, int start, int end) {
            return Double.parseDouble(floatingPointText(b, start, end));
        }
    },
    FLOAT(Float.class, "float") {
        @Override
        Object parse(byte[] b, int start, int end) {
            return Float.parseFloat(floatingPointText(b, start, end));
        }
    },
    BOOLEAN(Boolean.class, "boolean") {
        @Override
        Object parse(byte[] b, int start, int end) {
            String text = new String(b, start, end - start, StandardCharsets.UTF_8);
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("not true or false");
        }
    },
    BIG_DECIMAL(BigDecimal.class, "BigDecimal") {
        @Override
        Object parse(byte[] b, int start, int end) {
            return new BigDecimal(new String(b, start, end - start, StandardCharsets.UTF_8));
        }
    },
    BIG_INTEGER(BigInteger.class, "BigInteger") {
        @Override
        Object parse(byte[] b, int start, int end) {
            return new BigInteger(new String(b, start, end - start, StandardCharsets.UTF_8));
        }
    };

    private static final Map<Class<?>, CsvFieldType> BY_CLASS = Map.ofEntries(
            Map.entry(String.class, STRING),
            Map.entry(int.class, INT), Map.entry(Integer.class, INT),
            Map.entry(long.class, LONG), Map.entry(Long.class, LONG),
            Map.entry(short.class, SHORT), Map.entry(Short.class, SHORT),
            Map.entry(byte.class, BYTE), Map.entry(Byte.class, BYTE),
            Map.entry(double.class, DOUBLE), Map.entry(Double.class, DOUBLE),
            Map.entry(float.class, FLOAT), Map.entry(Float.class, FLOAT),
            Map.entry(boolean.class, BOOLEAN), Map.entry(Boolean.class, BOOLEAN),
            Map.entry(BigDecimal.class, BIG_DECIMAL),
            Map.entry(BigInteger.class, BIG_INTEGER));

    private final Class<?> valueClass;
    private final String displayName;

    CsvFieldType(Class<?> valueClass, String displayName) {
        this.valueClass = valueClass;
        this.displayName = displayName;
    }

    /** The type for a field class ({@code int.class} and {@code Integer.class} are both {@link #INT}). */
    public static CsvFieldType forClass(Class<?> type) {
        CsvFieldType fieldType = BY_CLASS.get(type);
        if (fieldType == null) {
            throw new IllegalArgumentException("CSV fields cannot be read as " + type.getName()
                    + "; supported are String, the primitive types but char and their boxes, BigDecimal and"
                    + " BigInteger");
        }
        return fieldType;
    }

    /** The class of the values (boxed for primitives). */
    public Class<?> valueClass() {
        return valueClass;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * The value of a non-empty field {@code b[start..end)}.
     *
     * @throws IllegalArgumentException (including {@link NumberFormatException}) if the text is not a
     *                                  value of this type
     */
    abstract Object parse(byte[] b, int start, int end);

    /** An optionally signed decimal integer in {@code min..max}, accumulated negatively as the JDK does. */
    static long parseLong(byte[] b, int start, int end, long min, long max) {
        int i = start;
        boolean negative = b[i] == '-';
        if (negative || b[i] == '+') {
            i++;
        }
        if (i == end) {
            throw new NumberFormatException("no digits");
        }
        long limit = negative ? min : -max;
        long multiplyMin = limit / 10;
        long result = 0;
        for (; i < end; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException("not a number");
            }
            if (result < multiplyMin) {
                throw new NumberFormatException("out of range");
            }
            result *= 10;
            if (result < limit + digit) {
                throw new NumberFormatException("out of range");
            }
            result -= digit;
        }
        return negative ? result : -result;
    }

    /** The field as text for Double/Float parsing, which would otherwise accept spaces and a d/f suffix. */
    private static String floatingPointText(byte[] b, int start, int end) {
        byte first = b[start];
        byte last = b[end - 1];
        if (first <= ' ' || last <= ' ' || last == 'd' || last == 'D' || last == 'f' || last == 'F') {
            throw new NumberFormatException("not a number");
        }
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
