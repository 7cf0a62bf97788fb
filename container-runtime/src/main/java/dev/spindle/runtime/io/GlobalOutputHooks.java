package dev.spindle.runtime.io;

import java.io.IOException;

/**
 * Job-wide steps of a sink, run on the JobManager: prepare before any subtask writes, commit after
 * all succeeded, clean up if the job failed or was cancelled (so no output looks complete).
 */
public interface GlobalOutputHooks {

    void initializeGlobal(int parallelism) throws IOException;

    void finalizeGlobal(int parallelism) throws IOException;

    void cleanupGlobal();
}
