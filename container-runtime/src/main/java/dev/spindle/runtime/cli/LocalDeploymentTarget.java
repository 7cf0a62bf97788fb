package dev.spindle.runtime.cli;

import dev.spindle.runtime.client.DeploymentException;
import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.runtime.client.ForwardingJobExecutor;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.cluster.LocalCluster;
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
    private static final class ClusterBoundExecutor extends ForwardingJobExecutor {
        private final LocalCluster cluster;

        ClusterBoundExecutor(EmbeddedJobExecutor delegate, LocalCluster cluster) {
            super(delegate);
            this.cluster = cluster;
        }

        @Override
        public void close() {
            cluster.close();
        }
    }
}
