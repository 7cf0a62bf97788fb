package dev.spindle.runtime.io;

import dev.spindle.api.functions.RuntimeContext;
import java.io.IOException;
import java.io.Serializable;

/**
 * A bounded source. The JobManager calls {@link #createInputSplits} once when the job starts (this
 * is where a missing input path is found); each subtask gets its own copy, is given its
 * {@link #setRuntimeContext context}, then reads its splits one at a time: {@code open(split)},
 * {@code nextRecord()} until {@code reachedEnd()}, {@code close()}.
 */
public interface InputFormat<T, S extends InputSplit> extends Serializable {

    S[] createInputSplits(int minNumSplits) throws IOException;

    /**
     * Called once on the task thread before the first {@link #open}, with the context of the source's
     * task; a format that reports accumulators (for example a count of skipped input) registers them here.
     */
    default void setRuntimeContext(RuntimeContext context) {
    }

    void open(S split) throws IOException;

    boolean reachedEnd() throws IOException;

    /** The next record, or null if the format skipped input without producing one. */
    T nextRecord() throws IOException;

    void close() throws IOException;

    /**
     * A rough size of all records this source produces, in bytes, or -1 if unknown; plans use it to
     * choose strategies (the build side of a join). Called on the client when the plan is made, so it
     * must be cheap, and it answers -1 rather than fail.
     */
    default long estimatedSizeBytes() {
        return -1;
    }

    /** For plans and logs. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
