package dev.spindle.connectors.hdfs;

import dev.spindle.runtime.io.GlobalOutputHooks;
import dev.spindle.runtime.io.OutputFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes records as lines ({@code toString()} or a given formatter, each followed by the line
 * delimiter, {@code \n} unless given) into a directory with one file per subtask,
 * {@code part-00000, part-00001, ...}, through a commit protocol: subtasks write
 * into a hidden temporary directory, and only when the whole job succeeded does the JobManager move
 * the files into place and write {@code _SUCCESS}. A failed or cancelled job leaves no part files
 * (and removes the directory if the job created it), so nothing looks complete.
 */
public class TextOutputFormat<T> implements OutputFormat<T>, GlobalOutputHooks {

    /** What to do when the output directory exists. */
    public enum WriteMode {
        /** Fail the job before it starts. */
        NO_OVERWRITE,
        /** Delete the existing directory first. */
        OVERWRITE
    }

    /** Turns a record into the text of one line. */
    @FunctionalInterface
    public interface TextFormatter<T> extends java.io.Serializable {
        String format(T record);
    }

    private static final String TEMP_DIR = ".spindle-temporary";

    private final String path;
    private final WriteMode writeMode;
    private final TextFormatter<T> formatter;
    private final byte[] lineDelimiter;
    private boolean createdDirectory;
    private transient OutputStream out;
    private transient FileSystem fs;
    private transient Path tempFile;

    public TextOutputFormat(String path, WriteMode writeMode, TextFormatter<T> formatter) {
        this(path, writeMode, formatter, "\n");
    }

    public TextOutputFormat(String path, WriteMode writeMode, TextFormatter<T> formatter, String lineDelimiter) {
        if (lineDelimiter.isEmpty()) {
            throw new IllegalArgumentException("The line delimiter must not be empty");
        }
        this.path = path;
        this.writeMode = writeMode;
        this.formatter = formatter;
        this.lineDelimiter = lineDelimiter.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void initializeGlobal(int parallelism) throws IOException {
        Path dir = new Path(path);
        FileSystem fileSystem = HadoopFileSystems.get(dir);
        if (fileSystem.exists(dir)) {
            if (writeMode == WriteMode.NO_OVERWRITE) {
                throw new IOException("Output path already exists: " + fileSystem.makeQualified(dir)
                        + " (delete it, or write with overwrite mode)");
            }
            fileSystem.delete(dir, true);
        }
        if (!fileSystem.mkdirs(new Path(dir, TEMP_DIR))) {
            throw new IOException("Cannot create output directory " + fileSystem.makeQualified(dir));
        }
        createdDirectory = true;
    }

    @Override
    public void open(int taskNumber, int numTasks) throws IOException {
        Path dir = new Path(path);
        fs = HadoopFileSystems.get(dir);
        tempFile = new Path(new Path(dir, TEMP_DIR), partName(taskNumber));
        out = new BufferedOutputStream(fs.create(tempFile, true), 1 << 16);
    }

    private static String partName(int taskNumber) {
        return String.format("part-%05d", taskNumber);
    }

    @Override
    public void writeRecord(T record) throws IOException {
        String text = formatter == null ? String.valueOf(record) : formatter.format(record);
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write(lineDelimiter);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    @Override
    public void abort() {
        try {
            if (out != null) {
                out.close();
            }
            if (fs != null && tempFile != null) {
                fs.delete(tempFile, false);
            }
        } catch (IOException ignored) {
            // The JobManager removes the temporary directory when the job fails.
        }
        out = null;
    }

    @Override
    public void finalizeGlobal(int parallelism) throws IOException {
        Path dir = new Path(path);
        FileSystem fileSystem = HadoopFileSystems.get(dir);
        Path temp = new Path(dir, TEMP_DIR);
        FileStatus[] parts = fileSystem.listStatus(temp);
        for (FileStatus part : parts) {
            Path target = new Path(dir, part.getPath().getName());
            if (!fileSystem.rename(part.getPath(), target)) {
                throw new IOException("Cannot move " + part.getPath() + " to " + target);
            }
        }
        fileSystem.delete(temp, true);
        fileSystem.create(new Path(dir, "_SUCCESS"), true).close();
    }

    @Override
    public void cleanupGlobal() {
        try {
            Path dir = new Path(path);
            FileSystem fileSystem = HadoopFileSystems.get(dir);
            if (createdDirectory) {
                fileSystem.delete(dir, true);
            } else {
                fileSystem.delete(new Path(dir, TEMP_DIR), true);
            }
        } catch (IOException ignored) {
            // Nothing more to do; the temporary directory is hidden and never looks complete.
        }
    }
}
