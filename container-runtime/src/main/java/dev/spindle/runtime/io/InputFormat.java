package dev.spindle.runtime.io;

import java.io.IOException;
import java.io.Serializable;

/**
 * A bounded source. The JobManager calls {@link #createInputSplits} once when the job starts (this
 * is where a missing input path is found); subtasks then read their splits one at a time:
 * {@code open(split)}, {@code nextRecord()} until {@code reachedEnd()}, {@code close()}.
 */
public interface InputFormat<T, S extends InputSplit> extends Serializable {

    S[] createInputSplits(int minNumSplits) throws IOException;

    void open(S split) throws IOException;

    boolean reachedEnd() throws IOException;

    /** The next record, or null if the format skipped input without producing one. */
    T nextRecord() throws IOException;

    void close() throws IOException;

    /** For plans and logs. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
