package dev.spindle.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The baseline word count: plain Java, a fixed number of threads (two by default), no framework.
 *
 * <p>The file is cut into one byte range per thread at line boundaries. Each thread reads its range
 * through its own {@link FileChannel} into a large buffer, splits lines on {@code '\n'} and tokens on
 * single {@code ' '} (empty tokens are skipped) and counts each token's bytes in its own
 * {@link ByteWordTable}, looking for delimiters eight bytes at a time; no {@code String} is made per
 * token. The calling thread then merges the tables and decodes each distinct word once as
 * UTF-8. A final line without {@code '\n'} counts as a line. Stateless: every call is independent.
 */
public final class HandWrittenWordCount {

    public static final int DEFAULT_THREADS = 2;

    private static final int READ_BUFFER_BYTES = 8 << 20;
    private static final int BOUNDARY_SCAN_BYTES = 64 << 10;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SPACES = 0x2020_2020_2020_2020L;
    private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long LOW_SEVEN_BITS = 0x7F7F_7F7F_7F7F_7F7FL;

    /** Word counts plus the totals the benchmark report shows. */
    public record Result(Map<String, Long> counts, long lines, long tokens) {}

    private HandWrittenWordCount() {}

    /** Counts words of {@code file} with {@value #DEFAULT_THREADS} threads. */
    public static Map<String, Long> count(Path file) throws IOException {
        return run(file, DEFAULT_THREADS).counts();
    }

    public static Result run(Path file, int threads) throws IOException {
        return run(file, threads, READ_BUFFER_BYTES);
    }

    /** As {@link #run(Path, int)}, reading {@code readBufferBytes} at a time (tests use small buffers). */
    static Result run(Path file, int threads, int readBufferBytes) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (readBufferBytes < 1) {
            throw new IllegalArgumentException("readBufferBytes must be >= 1: " + readBufferBytes);
        }
        long[] bounds = splitAtLineBoundaries(file, threads);
        List<FutureTask<RangeCounter>> tasks = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            RangeCounter counter = new RangeCounter(file, bounds[i], bounds[i + 1], readBufferBytes);
            FutureTask<RangeCounter> task = new FutureTask<>(counter::countRange);
            tasks.add(task);
            Thread thread = new Thread(task, "hand-written-wordcount-" + i);
            thread.start();
        }
        List<RangeCounter> done = new ArrayList<>(threads);
        for (FutureTask<RangeCounter> task : tasks) {
            done.add(await(task));
        }
        return merge(done);
    }

    /** Returns {@code threads + 1} offsets; range i is {@code [bounds[i], bounds[i+1])}, each ending after a '\n' or at EOF. */
    static long[] splitAtLineBoundaries(Path file, int threads) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long[] bounds = new long[threads + 1];
            bounds[threads] = size;
            for (int i = 1; i < threads; i++) {
                long boundary = nextLineStart(channel, size * i / threads, size);
                bounds[i] = Math.max(boundary, bounds[i - 1]);
            }
            return bounds;
        }
    }

    /** The smallest offset {@code >= position} that starts a line (follows a '\n' or is 0 or EOF). */
    private static long nextLineStart(FileChannel channel, long position, long size) throws IOException {
        if (position == 0) {
            return 0;
        }
        ByteBuffer buffer = ByteBuffer.allocate(BOUNDARY_SCAN_BYTES);
        long offset = position - 1;
        while (offset < size) {
            buffer.clear();
            int n = channel.read(buffer, offset);
            if (n <= 0) {
                break;
            }
            byte[] bytes = buffer.array();
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    return offset + i + 1;
                }
            }
            offset += n;
        }
        return size;
    }

    private static RangeCounter await(FutureTask<RangeCounter> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for a word-count thread", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("Word-count thread failed", cause);
        }
    }

    private static Result merge(List<RangeCounter> parts) {
        ByteWordTable merged = parts.get(0).counts;
        long lines = 0;
        long tokens = 0;
        for (RangeCounter part : parts) {
            if (part.counts != merged) {
                merged.addAll(part.counts);
            }
            lines += part.lines;
            tokens += part.tokens;
        }
        return new Result(merged.toMap(), lines, tokens);
    }

    /** Counts one byte range; confined to the thread that runs {@link #countRange()} until it returns. */
    private static final class RangeCounter {
        private final Path file;
        private final long start;
        private final long end;
        private final int readBufferBytes;
        private final ByteWordTable counts = new ByteWordTable();
        private long lines;
        private long tokens;

        RangeCounter(Path file, long start, long end, int readBufferBytes) {
            this.file = file;
            this.start = start;
            this.end = end;
            this.readBufferBytes = readBufferBytes;
        }

        RangeCounter countRange() {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                scan(channel);
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to read " + file + " [" + start + ", " + end + ")", e);
            }
            return this;
        }

        private void scan(FileChannel channel) throws IOException {
            byte[] buf = new byte[(int) Math.min(readBufferBytes, Math.max(1, end - start))];
            int carry = 0; // bytes of a token cut by the previous buffer end, moved to buf[0..carry)
            byte last = '\n';
            long position = start;
            while (position < end) {
                if (carry == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2); // a token longer than the buffer
                }
                int n = (int) Math.min(buf.length - carry, end - position);
                readFully(channel, ByteBuffer.wrap(buf, carry, n), position);
                position += n;
                int filled = carry + n;
                last = buf[filled - 1];
                int tokenStart = tokenize(buf, filled);
                carry = filled - tokenStart;
                System.arraycopy(buf, tokenStart, buf, 0, carry);
            }
            if (carry > 0) {
                add(buf, 0, carry);
            }
            if (last != '\n') {
                lines++;
            }
        }

        /**
         * Counts every complete token in {@code buf[0..filled)}; returns where the unfinished one starts.
         * Looks for delimiters eight bytes at a time: {@link #matches} marks the delimiter bytes of a
         * little-endian long, and each marked byte ends a token.
         */
        private int tokenize(byte[] buf, int filled) {
            int tokenStart = 0;
            long newlines = 0;
            int i = 0;
            for (; i + Long.BYTES <= filled; i += Long.BYTES) {
                long chunk = (long) LONGS.get(buf, i);
                long newlineBits = matches(chunk, NEWLINES);
                long delimiters = matches(chunk, SPACES) | newlineBits;
                newlines += Long.bitCount(newlineBits);
                while (delimiters != 0) {
                    int end = i + (Long.numberOfTrailingZeros(delimiters) >>> 3);
                    if (end > tokenStart) {
                        add(buf, tokenStart, end - tokenStart);
                    }
                    tokenStart = end + 1;
                    delimiters &= delimiters - 1;
                }
            }
            for (; i < filled; i++) {
                byte b = buf[i];
                if (b == ' ' || b == '\n') {
                    if (i > tokenStart) {
                        add(buf, tokenStart, i - tokenStart);
                    }
                    tokenStart = i + 1;
                    if (b == '\n') {
                        newlines++;
                    }
                }
            }
            lines += newlines;
            return tokenStart;
        }

        /** Sets the high bit of exactly those bytes of {@code chunk} equal to the byte repeated in {@code pattern}. */
        private static long matches(long chunk, long pattern) {
            long x = chunk ^ pattern;
            return ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x | LOW_SEVEN_BITS);
        }

        private void add(byte[] buf, int from, int length) {
            counts.add(buf, from, length);
            tokens++;
        }

        private static void readFully(FileChannel channel, ByteBuffer target, long position) throws IOException {
            long offset = position;
            while (target.hasRemaining()) {
                int n = channel.read(target, offset);
                if (n < 0) {
                    throw new EOFException("File shrank while being read, at offset " + offset);
                }
                offset += n;
            }
        }
    }
}
