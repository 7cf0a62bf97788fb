package dev.spindle.connectors.hdfs.csv;

import dev.spindle.api.tuple.Tuple;
import dev.spindle.connectors.hdfs.TextOutputFormat;

/**
 * Turns a tuple into one CSV line (without its line delimiter): the fields' {@code toString()} in
 * order, separated by the field delimiter. {@code null} becomes an empty field and the empty string a
 * quoted empty field ({@code ""}). A field whose text contains the field delimiter, the quote
 * character, {@code \r}, {@code \n} or the line delimiter is quoted, with quote characters inside
 * doubled, as other CSV tools expect. (Spindle's own CSV reader reads every such field back except
 * one with a line break: it reads one record per line.) Immutable; any thread may use it.
 */
public final class CsvRecordFormatter<T> implements TextOutputFormat.TextFormatter<T> {

    private final CsvDialect dialect;

    public CsvRecordFormatter(CsvDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String format(T record) {
        if (!(record instanceof Tuple tuple)) {
            throw new IllegalArgumentException("CSV output needs tuple records, got "
                    + (record == null ? "null" : record.getClass().getName()) + "; map the records to tuples first");
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < tuple.getArity(); i++) {
            if (i > 0) {
                line.append(dialect.fieldDelimiter());
            }
            Object field = tuple.getField(i);
            if (field != null) {
                appendField(line, field.toString());
            }
        }
        return line.toString();
    }

    private void appendField(StringBuilder line, String text) {
        char quote = dialect.quoteCharacter();
        if (!text.isEmpty() && !needsQuotes(text)) {
            line.append(text);
            return;
        }
        line.append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote) {
                line.append(quote);
            }
            line.append(c);
        }
        line.append(quote);
    }

    private boolean needsQuotes(String text) {
        return text.indexOf(dialect.quoteCharacter()) >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.contains(dialect.fieldDelimiter()) || text.contains(dialect.lineDelimiter());
    }
}
