package dev.spindle.runtime.client;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;

/**
 * Where an API environment sends its compiled jobs: the embedded cluster, a session, YARN. The
 * CLI installs one through {@link JobExecutors}; without it, jobs run on a fresh embedded cluster.
 */
public interface JobExecutor {

    /** Runs the job to its end and returns how it ended (failures are in the result, not thrown). */
    JobResult execute(JobGraph graph) throws Exception;

    /** The parallelism of operators that set none. */
    int defaultParallelism();

    /** Settings given by the launcher (-D options, spindle.yaml); the job's own settings are added to these. */
    Configuration configuration();

    /** The classloader of the job's code (for reading results such as collect() and accumulators). */
    default ClassLoader userClassLoader() {
        return Thread.currentThread().getContextClassLoader();
    }
}
