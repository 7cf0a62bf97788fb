package dev.spindle.runtime.iteration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * A directory where iterations keep superstep snapshots, reachable from the JobManager and every
 * TaskManager (a file system URI such as {@code hdfs://nn/snapshots}); paths are relative to it.
 * Travels in the job graph; implementations connect lazily and are thread-safe.
 */
public interface SnapshotStore extends Serializable {

    /** A new file (replacing one of that name); the directories above it are created. */
    OutputStream create(String path) throws IOException;

    /** Reads a file. */
    InputStream open(String path) throws IOException;

    boolean exists(String path) throws IOException;

    /** Renames a file, replacing the target: how a marker becomes visible at once. */
    void rename(String from, String to) throws IOException;

    /** Deletes a file or a directory with everything in it; nothing if it does not exist. */
    void delete(String path) throws IOException;

    /** The full location of {@code path}, for messages. */
    String describe(String path);
}
