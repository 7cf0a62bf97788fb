package dev.spindle.connectors.hdfs.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CsvRecordParserTest {

    private static final CsvDialect COMMA = CsvDialect.DEFAULT;

    @Test
    void shouldSplitPlainFieldsAndConvertThem() throws CsvFormatException {
        assertArrayEquals(new Object[] {"abc", 42, -7L, 1.5, true},
                parse(COMMA, "abc,42,-7,1.5,TRUE", String.class, int.class, Long.class, double.class, Boolean.class));
    }

    @Test
    void shouldReadQuotedFieldsWithDelimitersAndDoubledQuotesInside() throws CsvFormatException {
        assertArrayEquals(new Object[] {"a,b", "say \"hi\"", "\"", "x"},
                parse(COMMA, "\"a,b\",\"say \"\"hi\"\"\",\"\"\"\",x", String.class, String.class, String.class,
                        String.class));
    }

    @Test
    void shouldReadQuotedNumbers() throws CsvFormatException {
        assertArrayEquals(new Object[] {12, 3.25f}, parse(COMMA, "\"12\",\"3.25\"", int.class, float.class));
    }

    @Test
    void shouldTreatAQuoteInsideAnUnquotedFieldAsText() throws CsvFormatException {
        assertArrayEquals(new Object[] {"5\" screen", "b"}, parse(COMMA, "5\" screen,b", String.class, String.class));
    }

    @Test
    void shouldReadEmptyFieldsAsEmptyStringsAndNullsOfBoxedTypes() throws CsvFormatException {
        assertArrayEquals(new Object[] {"", null, null, ""},
                parse(COMMA, ",,\"\",", String.class, Integer.class, BigDecimal.class, String.class));
    }

    @Test
    void shouldRejectAnEmptyFieldOfAPrimitiveType() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> parse(COMMA, "a,,c", String.class, int.class, String.class));
        assertEquals("field 2 is empty, but a int cannot be null (read the column as Integer to get null)",
                e.getMessage());
    }

    @Test
    void shouldRejectTheWrongNumberOfFields() {
        assertEquals("expected 4 fields, found 3",
                assertThrows(CsvFormatException.class, () -> parse(COMMA, "1,foo,3", longs(4))).getMessage());
        assertEquals("expected 2 fields, found 3",
                assertThrows(CsvFormatException.class, () -> parse(COMMA, "1,2,", longs(2))).getMessage());
        assertEquals("expected 2 fields, found 3",
                assertThrows(CsvFormatException.class, () -> parse(COMMA, "\"1,2\",3,4", longs(2))).getMessage());
    }

    @Test
    void shouldRejectBadNumbersAndBooleans() {
        String[][] cases = {
            {"abc", "int"}, {"1.5", "int"}, {" 12", "int"}, {"12 ", "int"}, {"2147483648", "int"}, {"-", "int"},
            {"+", "long"}, {"9223372036854775808", "long"}, {"1e3", "long"}, {"40000", "short"}, {"128", "byte"},
            {"1.5f", "double"}, {" 1.5", "double"}, {"1,5", "double"}, {"yes", "boolean"}, {"1.2.3", "BigDecimal"},
        };
        for (String[] c : cases) {
            Class<?> type = switch (c[1]) {
                case "int" -> int.class;
                case "long" -> long.class;
                case "short" -> short.class;
                case "byte" -> byte.class;
                case "double" -> double.class;
                case "boolean" -> boolean.class;
                default -> BigDecimal.class;
            };
            CsvDialect dialect = c[0].contains(",") ? new CsvDialect(";", "\n", '"') : COMMA;
            CsvFormatException e = assertThrows(CsvFormatException.class,
                    () -> parse(dialect, c[0], type), c[0] + " as " + c[1]);
            assertEquals("field 1 '" + c[0] + "' is not a " + c[1], e.getMessage());
        }
    }

    @Test
    void shouldAcceptTheExtremesOfEachIntegerType() throws CsvFormatException {
        assertArrayEquals(new Object[] {Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE,
            Short.MIN_VALUE, Byte.MAX_VALUE, new BigInteger("123456789012345678901234567890"), 7},
                parse(COMMA, "-2147483648,2147483647,-9223372036854775808,9223372036854775807,-32768,127,"
                        + "123456789012345678901234567890,+7",
                        int.class, int.class, long.class, long.class, short.class, byte.class, BigInteger.class,
                        int.class));
    }

    @Test
    void shouldRejectBrokenQuoting() {
        assertEquals("quoted field 2 has no closing quote", assertThrows(CsvFormatException.class,
                () -> parse(COMMA, "a,\"b,c", String.class, String.class)).getMessage());
        assertEquals("quoted field 1 has no closing quote", assertThrows(CsvFormatException.class,
                () -> parse(COMMA, "\"abc\"\"", String.class)).getMessage());
        assertEquals("field 1 goes on after its closing quote", assertThrows(CsvFormatException.class,
                () -> parse(COMMA, "\"ab\"c,d", String.class, String.class)).getMessage());
    }

    @Test
    void shouldHonourMultiCharacterDelimitersAndOtherQuotes() throws CsvFormatException {
        CsvDialect dialect = new CsvDialect("::", "\n", '\'');
        assertArrayEquals(new Object[] {"a:b", "it's::here", 3},
                parse(dialect, "a:b::'it''s::here'::3", String.class, String.class, int.class));
    }

    @Test
    void shouldSkipExcludedColumnsWithoutConvertingThem() throws CsvFormatException {
        CsvRecordParser parser = new CsvRecordParser(COMMA, new Class<?>[] {long.class, null, String.class, null});
        Object[] values = new Object[parser.valueCount()];
        byte[] line = "1,not a number,x,\"quoted, skipped\"".getBytes(UTF_8);

        parser.parse(line, 0, line.length, values);

        assertArrayEquals(new Object[] {1L, "x"}, values);
    }

    @Test
    void shouldDecodeUtf8AndParseWithinTheGivenRange() throws CsvFormatException {
        CsvRecordParser parser = new CsvRecordParser(COMMA, new Class<?>[] {String.class, int.class});
        Object[] values = new Object[2];
        byte[] bytes = "xx\"grüße, €\",5yy".getBytes(UTF_8);

        parser.parse(bytes, 2, bytes.length - 2, values);

        assertArrayEquals(new Object[] {"grüße, €", 5}, values);
    }

    private static Class<?>[] longs(int n) {
        Class<?>[] types = new Class<?>[n];
        java.util.Arrays.fill(types, long.class);
        return types;
    }

    private static Object[] parse(CsvDialect dialect, String line, Class<?>... types) throws CsvFormatException {
        CsvRecordParser parser = new CsvRecordParser(dialect, types);
        Object[] values = new Object[types.length];
        byte[] bytes = line.getBytes(UTF_8);
        parser.parse(bytes, 0, bytes.length, values);
        return values;
    }
}
