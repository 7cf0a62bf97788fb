package dev.spindle.connectors.hdfs;

import dev.spindle.runtime.io.InputFormat;
import java.io.IOException;

/**
 * The common part of file formats with one record per delimited line (text, CSV): a file, or every
 * visible file of a directory, on any Hadoop file system, split into byte ranges by
 * {@link FileInputSplits}; a split reads the lines that start inside it ({@link DelimitedSplitReader}),
 * so each line is read exactly once. Subclasses turn the line {@link #nextLine()} positions the
 * reader on into a record. Instances are copied to each subtask; each copy is used by its task
 * thread only.
 */
public abstract class DelimitedFileInputFormat<T> implements InputFormat<T, FileInputSplit> {

    private final String path;
    private transient DelimitedSplitReader reader;
    /** Whether {@link #reachedEnd()} has moved the reader to a line that nextRecord() has not taken yet. */
    private transient boolean advanced;
    private transient boolean hasLine;

    protected DelimitedFileInputFormat(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The bytes that end a line. */
    protected abstract byte[] lineDelimiter();

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
        reader = DelimitedSplitReader.open(split, lineDelimiter());
        advanced = false;
    }

    @Override
    public final boolean reachedEnd() throws IOException {
        if (!advanced) {
            hasLine = reader.next();
            advanced = true;
        }
        return !hasLine;
    }

    /** Takes the next line: the reader positioned on it, or null at the end of the split. */
    protected final DelimitedSplitReader nextLine() throws IOException {
        if (reachedEnd()) {
            return null;
        }
        advanced = false;
        return reader;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
