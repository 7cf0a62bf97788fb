package dev.spindle.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The baseline word count: plain Java, a fixed number of threads (two by default), no framework.
 *
 * <p>The file is cut into one byte range per thread at line boundaries. Each thread reads its range
 * through its own {@link FileChannel} into a large buffer, splits lines on {@code '\n'} and tokens on
 * single {@code ' '} (empty tokens are skipped), decodes each token as UTF-8 and counts it in its own
 * {@code HashMap}; the calling thread then merges the maps. A final line without {@code '\n'} counts
 * as a line. Stateless: every call is independent.
 */
public final class HandWrittenWordCount {

    public static final int DEFAULT_THREADS = 2;

    private static final int READ_BUFFER_BYTES = 8 << 20;
    private static final int BOUNDARY_SCAN_BYTES = 64 << 10;

    /** Word counts plus the totals the benchmark report shows. */
    public record Result(Map<String, Long> counts, long lines, long tokens) {}

    private HandWrittenWordCount() {}

    /** Counts words of {@code file} with {@value #DEFAULT_THREADS} threads. */
    public static Map<String, Long> count(Path file) throws IOException {
        return run(file, DEFAULT_THREADS).counts();
    }

    public static Result run(Path file, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        long[] bounds = splitAtLineBoundaries(file, threads);
        List<FutureTask<RangeCounter>> tasks = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            RangeCounter counter = new RangeCounter(file, bounds[i], bounds[i + 1]);
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
        int capacity = 16;
        for (RangeCounter part : parts) {
            capacity = Math.max(capacity, part.counts.size() * 4 / 3 + 1);
        }
        Map<String, Long> merged = new HashMap<>(capacity);
        long lines = 0;
        long tokens = 0;
        for (RangeCounter part : parts) {
            for (Map.Entry<String, long[]> e : part.counts.entrySet()) {
                merged.merge(e.getKey(), e.getValue()[0], Long::sum);
            }
            lines += part.lines;
            tokens += part.tokens;
        }
        return new Result(merged, lines, tokens);
    }

    /** Counts one byte range; confined to the thread that runs {@link #countRange()} until it returns. */
    private static final class RangeCounter {
        private final Path file;
        private final long start;
        private final long end;
        private final Map<String, long[]> counts = new HashMap<>(1 << 18);
        private long lines;
        private long tokens;

        RangeCounter(Path file, long start, long end) {
            this.file = file;
            this.start = start;
            this.end = end;
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
            byte[] buf = new byte[(int) Math.min(READ_BUFFER_BYTES, Math.max(1, end - start))];
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

        /** Counts every complete token in {@code buf[0..filled)}; returns where the unfinished one starts. */
        private int tokenize(byte[] buf, int filled) {
            int tokenStart = 0;
            for (int i = 0; i < filled; i++) {
                byte b = buf[i];
                if (b == ' ' || b == '\n') {
                    if (i > tokenStart) {
                        add(buf, tokenStart, i);
                    }
                    tokenStart = i + 1;
                    if (b == '\n') {
                        lines++;
                    }
                }
            }
            return tokenStart;
        }

        private void add(byte[] buf, int from, int to) {
            String word = new String(buf, from, to - from, StandardCharsets.UTF_8);
            long[] count = counts.get(word);
            if (count == null) {
                counts.put(word, new long[] {1});
            } else {
                count[0]++;
            }
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
