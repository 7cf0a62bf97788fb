package dev.spindle.connectors.hdfs;

import dev.spindle.runtime.io.InputFormat;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads the lines of a text file, or of every visible file of a directory, over any Hadoop file
 * system. Files are split into byte ranges (one per HDFS block, and at least as many as the
 * parallelism asks for); a split reads the lines that start inside it, so each line is read
 * exactly once. Line ends are {@code \n} with an optional preceding {@code \r}; lines are UTF-8.
 */
public final class TextInputFormat implements InputFormat<String, FileInputSplit> {

    /** Large enough that Hadoop's stream reads straight into it, bypassing its own buffer copy. */
    private static final int READ_BUFFER = 1 << 20;
    private static final long MIN_SPLIT = 1 << 20;

    private final String path;
    private transient FSDataInputStream in;
    private transient byte[] buffer;
    private transient int bufferPos;
    private transient int bufferLimit;
    private transient long position;
    private transient long splitEnd;
    private transient boolean end;
    private transient byte[] line;

    public TextInputFormat(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    @Override
    public String describe() {
        return "TextFile(" + path + ")";
    }

    @Override
    public FileInputSplit[] createInputSplits(int minNumSplits) throws IOException {
        Path root = new Path(path);
        FileSystem fs = HadoopFileSystems.get(root);
        List<FileStatus> files = new ArrayList<>();
        try {
            FileStatus status = fs.getFileStatus(root);
            if (status.isDirectory()) {
                for (FileStatus f : fs.listStatus(root)) {
                    String name = f.getPath().getName();
                    if (f.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                        files.add(f);
                    }
                }
            } else {
                files.add(status);
            }
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("Input path does not exist: " + fs.makeQualified(root));
        }
        long total = files.stream().mapToLong(FileStatus::getLen).sum();
        long target = Math.max(MIN_SPLIT, total / Math.max(1, minNumSplits) + 1);
        List<FileInputSplit> splits = new ArrayList<>();
        for (FileStatus f : files) {
            long splitSize = Math.min(target, Math.max(MIN_SPLIT, f.getBlockSize()));
            long len = f.getLen();
            BlockLocation[] blocks = fs.getFileBlockLocations(f, 0, len);
            for (long start = 0; start < len || (len == 0 && start == 0); start += splitSize) {
                long size = Math.min(splitSize, len - start);
                splits.add(new FileInputSplit(splits.size(), f.getPath().toString(), start, size, hosts(blocks, start)));
                if (len == 0) {
                    break;
                }
            }
        }
        return splits.toArray(new FileInputSplit[0]);
    }

    private static String[] hosts(BlockLocation[] blocks, long offset) throws IOException {
        for (BlockLocation b : blocks) {
            if (offset >= b.getOffset() && offset < b.getOffset() + b.getLength()) {
                return b.getHosts();
            }
        }
        return new String[0];
    }

    @Override
    public void open(FileInputSplit split) throws IOException {
        Path p = new Path(split.path());
        in = HadoopFileSystems.get(p).open(p);
        buffer = new byte[READ_BUFFER];
        line = new byte[256];
        bufferPos = 0;
        bufferLimit = 0;
        splitEnd = split.start() + split.length();
        end = false;
        position = split.start();
        if (split.start() > 0) {
            // The line that started in the previous split belongs to it: skip to after the next '\n'.
            in.seek(split.start() - 1);
            position = split.start() - 1;
            skipToLineStart();
        } else {
            in.seek(0);
        }
        if (split.length() == 0) {
            end = true;
        }
    }

    private void skipToLineStart() throws IOException {
        while (true) {
            if (bufferPos == bufferLimit && !fill()) {
                end = true;
                return;
            }
            byte b = buffer[bufferPos++];
            position++;
            if (b == '\n') {
                return;
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        bufferPos = 0;
        bufferLimit = n;
        return true;
    }

    /** A split reads the lines that start before its end; a line starting exactly there is the next split's. */
    @Override
    public boolean reachedEnd() {
        return end || position >= splitEnd;
    }

    @Override
    public String nextRecord() throws IOException {
        if (bufferPos == bufferLimit && !fill()) {
            end = true;
            return null;
        }
        // Fast path: the whole line is in the read buffer; decode it in place.
        int newline = indexOfNewline(buffer, bufferPos, bufferLimit);
        if (newline >= 0) {
            int start = bufferPos;
            int len = newline - start;
            bufferPos = newline + 1;
            position += len + 1;
            if (len > 0 && buffer[newline - 1] == '\r') {
                len--;
            }
            return new String(buffer, start, len, StandardCharsets.UTF_8);
        }
        return nextRecordSpanningBuffers();
    }

    private static int indexOfNewline(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** A line that continues past the read buffer: gather it in {@code line}. */
    private String nextRecordSpanningBuffers() throws IOException {
        int len = 0;
        while (true) {
            if (bufferPos == bufferLimit && !fill()) {
                end = true;
                return decode(len);
            }
            int start = bufferPos;
            int newline = indexOfNewline(buffer, start, bufferLimit);
            int stop = newline >= 0 ? newline : bufferLimit;
            int chunk = stop - start;
            if (len + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(len + chunk, line.length * 2));
            }
            System.arraycopy(buffer, start, line, len, chunk);
            len += chunk;
            position += chunk;
            if (newline >= 0) {
                bufferPos = newline + 1;
                position++;
                return decode(len);
            }
            bufferPos = bufferLimit;
        }
    }

    private String decode(int len) {
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        return new String(line, 0, len, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
            in = null;
        }
    }
}
