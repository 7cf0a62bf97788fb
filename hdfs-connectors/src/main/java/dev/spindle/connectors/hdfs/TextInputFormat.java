package dev.spindle.connectors.hdfs;

import dev.spindle.runtime.io.InputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the lines of a text file, or of every visible file of a directory, over any Hadoop file
 * system. Files are split into byte ranges by {@link FileInputSplits}; a split reads the lines that
 * start inside it ({@link DelimitedSplitReader}), so each line is read exactly once. Line ends are
 * {@code \n} with an optional preceding {@code \r}; lines are UTF-8. Instances are copied to each
 * subtask; each copy is used by its task thread only.
 */
public final class TextInputFormat implements InputFormat<String, FileInputSplit> {

    private static final byte[] NEWLINE = {'\n'};

    private final String path;
    private transient DelimitedSplitReader reader;
    /** Whether {@link #reachedEnd()} has moved the reader to a record that nextRecord() has not returned yet. */
    private transient boolean advanced;
    private transient boolean hasRecord;

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

    /** The length of the files. */
    @Override
    public long estimatedSizeBytes() {
        return FileInputSplits.totalLength(path);
    }

    @Override
    public FileInputSplit[] createInputSplits(int minNumSplits) throws IOException {
        return FileInputSplits.create(path, minNumSplits);
    }

    @Override
    public void open(FileInputSplit split) throws IOException {
        reader = DelimitedSplitReader.open(split, NEWLINE);
        advanced = false;
    }

    @Override
    public boolean reachedEnd() throws IOException {
        if (!advanced) {
            hasRecord = reader.next();
            advanced = true;
        }
        return !hasRecord;
    }

    @Override
    public String nextRecord() throws IOException {
        if (reachedEnd()) {
            return null;
        }
        advanced = false;
        byte[] bytes = reader.bytes();
        int start = reader.start();
        int end = reader.end();
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
