package dev.spindle.connectors.hdfs.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses one CSV record (a line without its line delimiter, as UTF-8 bytes) into typed values: first
 * it finds the fields (see {@link CsvDialect} for quoting), then checks that there are exactly as many
 * as the file has columns, then converts the included ones with their {@link CsvFieldType}.
 *
 * <p>An empty field ({@code a,,c} or {@code a,"",c}) reads as {@code ""} for String columns, as
 * {@code null} for columns of boxed types ({@code Integer.class}, {@code BigDecimal.class}, ...), and
 * is an error for columns of primitive types ({@code int.class}). A quote character inside an
 * unquoted field is an ordinary character. Fields are numbered from 1 in messages.
 *
 * <p>Keeps scratch state between calls: one instance per thread.
 */
public final class CsvRecordParser {

    private static final byte PLAIN = 0;
    private static final byte QUOTED = 1;
    private static final byte QUOTED_WITH_ESCAPES = 2;
    private static final int MAX_FIELD_TEXT = 50;

    private final byte[] delimiter;
    private final byte quote;
    private final int columns;
    private final CsvFieldType[] types;
    private final boolean[] nullable;
    private final int[] fieldStarts;
    private final int[] fieldEnds;
    private final byte[] fieldKinds;
    private byte[] unescaped = new byte[64];

    /**
     * @param columnClasses one entry per column of the file: the class to read it as, or {@code null}
     *                      to skip the column
     */
    public CsvRecordParser(CsvDialect dialect, Class<?>[] columnClasses) {
        this.delimiter = dialect.fieldDelimiterBytes();
        this.quote = (byte) dialect.quoteCharacter();
        this.columns = columnClasses.length;
        this.types = new CsvFieldType[columns];
        this.nullable = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            if (columnClasses[c] != null) {
                types[c] = CsvFieldType.forClass(columnClasses[c]);
                nullable[c] = !columnClasses[c].isPrimitive();
            }
        }
        this.fieldStarts = new int[columns];
        this.fieldEnds = new int[columns];
        this.fieldKinds = new byte[columns];
    }

    /** How many values {@link #parse} produces: the included columns. */
    public int valueCount() {
        int n = 0;
        for (CsvFieldType t : types) {
            n += t == null ? 0 : 1;
        }
        return n;
    }

    /**
     * Parses {@code b[start..end)} and writes the values of the included columns, in column order,
     * into {@code values}.
     *
     * @throws CsvFormatException if the record has the wrong number of fields, a quoted field is not
     *                            closed properly, or a field is not a value of its column's type
     */
    public void parse(byte[] b, int start, int end, Object[] values) throws CsvFormatException {
        int found = findFields(b, start, end);
        if (found != columns) {
            throw new CsvFormatException("expected " + columns + (columns == 1 ? " field" : " fields")
                    + ", found " + found);
        }
        int out = 0;
        for (int c = 0; c < columns; c++) {
            if (types[c] != null) {
                values[out++] = convert(c, b);
            }
        }
    }

    /** Finds the fields, remembers the first {@code columns} of them, and returns how many there are. */
    private int findFields(byte[] b, int start, int end) throws CsvFormatException {
        int count = 0;
        int pos = start;
        while (true) {
            int fieldStart;
            int fieldEnd;
            int next;
            byte kind = PLAIN;
            if (pos < end && b[pos] == quote) {
                int closing = closingQuote(b, pos + 1, end, count + 1);
                kind = closing < 0 ? QUOTED_WITH_ESCAPES : QUOTED;
                closing = Math.abs(closing) - 1;
                fieldStart = pos + 1;
                fieldEnd = closing;
                int after = closing + 1;
                if (after == end) {
                    next = -1;
                } else if (startsWithDelimiter(b, after, end)) {
                    next = after + delimiter.length;
                } else {
                    throw new CsvFormatException("field " + (count + 1) + " goes on after its closing quote");
                }
            } else {
                int d = indexOfDelimiter(b, pos, end);
                fieldStart = pos;
                fieldEnd = d < 0 ? end : d;
                next = d < 0 ? -1 : d + delimiter.length;
            }
            if (count < columns) {
                fieldStarts[count] = fieldStart;
                fieldEnds[count] = fieldEnd;
                fieldKinds[count] = kind;
            }
            count++;
            if (next < 0) {
                return count;
            }
            pos = next;
        }
    }

    /**
     * The index of the quote that closes a quoted field whose content starts at {@code from}, plus one;
     * negated if the content contains doubled (escaped) quotes.
     */
    private int closingQuote(byte[] b, int from, int end, int field) throws CsvFormatException {
        boolean escapes = false;
        int i = from;
        while (i < end) {
            if (b[i] == quote) {
                if (i + 1 < end && b[i + 1] == quote) {
                    escapes = true;
                    i += 2;
                    continue;
                }
                return escapes ? -(i + 1) : i + 1;
            }
            i++;
        }
        throw new CsvFormatException("quoted field " + field + " has no closing quote");
    }

    private Object convert(int c, byte[] b) throws CsvFormatException {
        byte[] source = b;
        int start = fieldStarts[c];
        int end = fieldEnds[c];
        if (fieldKinds[c] == QUOTED_WITH_ESCAPES) {
            end = unescape(b, start, end);
            start = 0;
            source = unescaped;
        }
        CsvFieldType type = types[c];
        if (start == end) {
            if (type == CsvFieldType.STRING) {
                return "";
            }
            if (nullable[c]) {
                return null;
            }
            throw new CsvFormatException("field " + (c + 1) + " is empty, but a " + type.displayName()
                    + " cannot be null (read the column as " + type.valueClass().getSimpleName() + " to get null)");
        }
        try {
            return type.parse(source, start, end);
        } catch (IllegalArgumentException e) {
            String text = new String(source, start, end - start, StandardCharsets.UTF_8);
            if (text.length() > MAX_FIELD_TEXT) {
                text = text.substring(0, MAX_FIELD_TEXT) + "...";
            }
            throw new CsvFormatException("field " + (c + 1) + " '" + text + "' is not a " + type.displayName());
        }
    }

    /** Copies a quoted field's content into {@link #unescaped}, turning doubled quotes into one; returns its length. */
    private int unescape(byte[] b, int start, int end) {
        if (unescaped.length < end - start) {
            unescaped = Arrays.copyOf(unescaped, Math.max(end - start, unescaped.length * 2));
        }
        int n = 0;
        for (int i = start; i < end; i++) {
            unescaped[n++] = b[i];
            if (b[i] == quote) {
                i++;
            }
        }
        return n;
    }

    private boolean startsWithDelimiter(byte[] b, int at, int end) {
        int length = delimiter.length;
        return end - at >= length && Arrays.equals(b, at, at + length, delimiter, 0, length);
    }

    private int indexOfDelimiter(byte[] b, int from, int end) {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        for (int i = from; i <= last; i++) {
            if (b[i] == first && (delimiter.length == 1 || startsWithDelimiter(b, i, end))) {
                return i;
            }
        }
        return -1;
    }
}
