package dev.spindle.runtime.io;

import java.io.IOException;
import java.io.Serializable;

/**
 * A bounded sink: each subtask {@code open}s, writes its records and {@code close}s. A format
 * that also implements {@link GlobalOutputHooks} is prepared before the job and committed (or
 * cleaned up) after it by the JobManager.
 */
public interface OutputFormat<T> extends Serializable {

    void open(int taskNumber, int numTasks) throws IOException;

    void writeRecord(T record) throws IOException;

    /** All records written successfully. */
    void close() throws IOException;

    /** The subtask failed or was cancelled: release files and leave nothing that looks written. */
    default void abort() {
    }
}
