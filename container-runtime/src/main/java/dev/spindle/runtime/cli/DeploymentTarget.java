package dev.spindle.runtime.cli;

import dev.spindle.runtime.client.JobExecutor;

/**
 * Where {@code bin/run -m NAME} runs a program. The embedded cluster is built in; other targets
 * (YARN) are found on the classpath through
 * {@code META-INF/services/dev.spindle.runtime.cli.DeploymentTarget}, so the runtime never depends
 * on them.
 */
public interface DeploymentTarget {

    /** The value of {@code -m} that selects this target, e.g. {@code yarn-cluster}. */
    String name();

    /**
     * An executor for the program's jobs. The CLI closes it (if it is {@link AutoCloseable}) after
     * the program's main returned or failed. Throw {@link dev.spindle.runtime.client.DeploymentException}
     * when the cluster cannot be had.
     */
    JobExecutor createExecutor(CliContext context) throws Exception;
}
