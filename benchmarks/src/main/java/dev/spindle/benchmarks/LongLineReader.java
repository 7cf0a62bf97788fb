package dev.spindle.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads text lines of a fixed number of long integers separated by one tab (or one space), as
 * {@link LongLineWriter} and the graph examples write them, parsing the bytes by hand: no String,
 * no boxing. Lines end with {@code \n} or {@code \r\n}; empty lines are passed over; anything else
 * (a missing or extra field, a stray character) fails with the file and line number.
 *
 * <p>Stateless; {@link #read} may be called from any thread, and calls its handler on that thread.
 */
final class LongLineReader {

    private static final int BUFFER_BYTES = 1 << 16;

    /** Receives each line's fields; the array is reused for the next line, so copy what you keep. */
    @FunctionalInterface
    interface LineHandler {
        void line(long[] fields);
    }

    private LongLineReader() {
    }

    /**
     * Reads a file, or every data file of a directory ({@link BenchmarkFiles#parts}) in name order.
     *
     * @return the number of (non-empty) lines read
     */
    static long read(Path path, int columns, LineHandler handler) throws IOException {
        long lines = 0;
        for (Path file : BenchmarkFiles.fileOrParts(path)) {
            try (InputStream in = Files.newInputStream(file)) {
                lines += new FileParse(file, columns, handler).run(in);
            }
        }
        return lines;
    }

    /** The parse of one file: its position and the line being assembled. */
    private static final class FileParse {
        private final Path file;
        private final LineHandler handler;
        private final long[] fields;
        private long lineNumber = 1;
        private long lines;
        private int field;
        private long value;
        private int digits;
        private boolean negative;

        FileParse(Path file, int columns, LineHandler handler) {
            this.file = file;
            this.handler = handler;
            this.fields = new long[columns];
        }

        long run(InputStream in) throws IOException {
            byte[] buffer = new byte[BUFFER_BYTES];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int c = buffer[i];
                    if (c >= '0' && c <= '9') {
                        value = ++digits < 19 ? value * 10 + (c - '0')
                                : Math.addExact(Math.multiplyExact(value, 10), c - '0');
                    } else if (c == '\t' || c == ' ') {
                        endField();
                    } else if (c == '\n') {
                        endLine();
                    } else if (c == '-' && digits == 0 && !negative) {
                        negative = true;
                    } else if (c != '\r') {
                        throw malformed("unexpected character '" + (char) c + "'");
                    }
                }
            }
            endLine();
            return lines;
        }

        private void endField() {
            if (digits == 0) {
                throw malformed("empty field");
            }
            if (field == fields.length) {
                throw malformed("more than " + fields.length + " fields");
            }
            fields[field++] = negative ? -value : value;
            value = 0;
            digits = 0;
            negative = false;
        }

        private void endLine() {
            if (field > 0 || digits > 0 || negative) {
                endField();
                if (field != fields.length) {
                    throw malformed(field + " fields where " + fields.length + " were expected");
                }
                handler.line(fields);
                lines++;
                field = 0;
            }
            lineNumber++;
        }

        private IllegalArgumentException malformed(String what) {
            return new IllegalArgumentException(file + ":" + lineNumber + ": " + what
                    + "; expected " + fields.length + " tab-separated integers per line");
        }
    }
}
