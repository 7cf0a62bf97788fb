package dev.spindle.connectors.hdfs.csv;

import dev.spindle.connectors.hdfs.DelimitedSplitReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * How a CSV file separates and quotes its fields, shared by reading and writing.
 *
 * <ul>
 *   <li>{@code fieldDelimiter}: separates fields; any non-empty string, {@code ","} by default.</li>
 *   <li>{@code lineDelimiter}: ends records; {@code "\n"} by default, which also accepts {@code "\r\n"}
 *       (a {@code \r} before the {@code \n} is dropped). It must not be able to overlap itself
 *       ({@code "||"} cannot be used, see {@link DelimitedSplitReader#checkDelimiter}).</li>
 *   <li>{@code quoteCharacter}: an ASCII character, {@code '"'} by default. A field that starts with
 *       it is quoted: it ends at the next single quote character, may contain the field delimiter,
 *       and writes a quote character inside as two. Quoted fields cannot span lines, because files
 *       are split at line ends.</li>
 * </ul>
 * Immutable.
 */
public record CsvDialect(String fieldDelimiter, String lineDelimiter, char quoteCharacter) implements Serializable {

    public static final CsvDialect DEFAULT = new CsvDialect(",", "\n", '"');

    public CsvDialect {
        if (fieldDelimiter == null || fieldDelimiter.isEmpty()) {
            throw new IllegalArgumentException("The CSV field delimiter must not be empty");
        }
        if (lineDelimiter == null || lineDelimiter.isEmpty()) {
            throw new IllegalArgumentException("The CSV line delimiter must not be empty");
        }
        DelimitedSplitReader.checkDelimiter(lineDelimiter.getBytes(StandardCharsets.UTF_8));
        if (quoteCharacter == 0 || quoteCharacter >= 0x80 || quoteCharacter == '\n' || quoteCharacter == '\r') {
            throw new IllegalArgumentException("The CSV quote character must be a printable ASCII character, was "
                    + (int) quoteCharacter);
        }
        if (fieldDelimiter.indexOf(quoteCharacter) >= 0 || lineDelimiter.indexOf(quoteCharacter) >= 0) {
            throw new IllegalArgumentException("The CSV quote character " + quoteCharacter
                    + " must not be part of a delimiter");
        }
        if (fieldDelimiter.contains(lineDelimiter) || lineDelimiter.contains(fieldDelimiter)
                || fieldDelimiter.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("The CSV field delimiter '" + fieldDelimiter
                    + "' and line delimiter '" + lineDelimiter + "' must not contain each other or a newline");
        }
    }

    byte[] fieldDelimiterBytes() {
        return fieldDelimiter.getBytes(StandardCharsets.UTF_8);
    }

    byte[] lineDelimiterBytes() {
        return lineDelimiter.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a {@code \r} at the end of a record belongs to a {@code \r\n} line end. */
    boolean dropsCarriageReturn() {
        return lineDelimiter.equals("\n");
    }
}
