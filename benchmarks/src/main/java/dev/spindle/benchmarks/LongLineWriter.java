package dev.spindle.benchmarks;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes text lines of tab-separated long integers (optionally followed by one ASCII text field) to a
 * file. Digits are formatted by hand into a reused line buffer, which goes to a
 * {@link BufferedOutputStream} in one call per line: no String or boxing per number.
 *
 * <p>Lifecycle: open by the constructor, write lines, {@link #close()}. Not thread-safe: one writer
 * per thread.
 */
final class LongLineWriter implements Closeable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final OutputStream out;
    private byte[] line = new byte[64];
    private int length;

    LongLineWriter(Path file) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES);
    }

    /** Writes {@code a\n}. */
    void writeLine(long a) throws IOException {
        append(a);
        endLine();
    }

    /** Writes {@code a<TAB>b\n}. */
    void writeLine(long a, long b) throws IOException {
        append(a);
        appendByte('\t');
        append(b);
        endLine();
    }

    /** Writes {@code a<TAB>text\n}; {@code text} must be ASCII. */
    void writeLine(long a, String text) throws IOException {
        append(a);
        appendByte('\t');
        for (int i = 0; i < text.length(); i++) {
            appendByte(text.charAt(i));
        }
        endLine();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void append(long value) {
        if (value == Long.MIN_VALUE) {
            for (char c : Long.toString(value).toCharArray()) {
                appendByte(c);
            }
            return;
        }
        if (value < 0) {
            appendByte('-');
            value = -value;
        }
        ensureRoom(20);
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int at = length + digits;
        do {
            line[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        length += digits;
    }

    private void appendByte(int c) {
        ensureRoom(1);
        line[length++] = (byte) c;
    }

    private void ensureRoom(int bytes) {
        if (length + bytes > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + bytes));
        }
    }

    private void endLine() throws IOException {
        appendByte('\n');
        out.write(line, 0, length);
        length = 0;
    }
}
