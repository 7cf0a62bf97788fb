package dev.spindle.runtime.cli;

import dev.spindle.runtime.client.ClusterClient;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.config.Configuration;

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
     * Whether {@code bin/run} without {@code -m} should use this target (for example because a YARN
     * session is running). The embedded cluster is used when no target claims the default.
     */
    default boolean isDefault(Configuration config) {
        return false;
    }

    /**
     * An executor for the program's jobs. The CLI closes it (if it is {@link AutoCloseable}) after
     * the program's main returned or failed. Throw {@link dev.spindle.runtime.client.DeploymentException}
     * when the cluster cannot be had.
     */
    JobExecutor createExecutor(CliContext context) throws Exception;

    /**
     * A client of the long-running cluster this target names, for {@code --list} and
     * {@code --cancel}; null if the target has none (its clusters live only as long as a program).
     */
    default ClusterClient connect(Configuration config) throws Exception {
        return null;
    }
}
