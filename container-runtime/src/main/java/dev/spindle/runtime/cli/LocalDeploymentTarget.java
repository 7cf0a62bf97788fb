package dev.spindle.runtime.cli;

import dev.spindle.runtime.client.DeploymentException;
import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.util.ExceptionUtils;
import java.util.List;

/** {@code -m local} (the default): an embedded cluster for the program, stopped when it ends. */
final class LocalDeploymentTarget implements DeploymentTarget {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public JobExecutor createExecutor(CliContext context) throws DeploymentException {
        LocalCluster cluster;
        try {
            cluster = LocalCluster.start(context.configuration());
        } catch (Exception e) {
            throw new DeploymentException("Cannot start the embedded cluster: " + ExceptionUtils.rootCause(e), e);
        }
        return new ClusterBoundExecutor(new EmbeddedJobExecutor(context.configuration(), cluster,
                List.of(context.jar().getAbsolutePath()), context.userClassLoader()), cluster);
    }

    /** Stops the cluster with the executor. */
    private record ClusterBoundExecutor(EmbeddedJobExecutor delegate, LocalCluster cluster)
            implements JobExecutor, AutoCloseable {

        @Override
        public JobResult execute(JobGraph graph) throws Exception {
            return delegate.execute(graph);
        }

        @Override
        public int defaultParallelism() {
            return delegate.defaultParallelism();
        }

        @Override
        public Configuration configuration() {
            return delegate.configuration();
        }

        @Override
        public ClassLoader userClassLoader() {
            return delegate.userClassLoader();
        }

        @Override
        public void close() {
            cluster.close();
        }
    }
}
