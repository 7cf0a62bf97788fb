package dev.spindle.runtime.client;

import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;
import java.util.List;

/**
 * Runs jobs on an embedded cluster. Given a running cluster it submits to it; otherwise it starts
 * one for each job and stops it afterwards.
 */
public final class EmbeddedJobExecutor implements JobExecutor {

    private final Configuration config;
    private final LocalCluster cluster;
    private final List<String> jarPaths;
    private final ClassLoader userClassLoader;

    public EmbeddedJobExecutor(Configuration config, LocalCluster cluster) {
        this(config, cluster, List.of(), Thread.currentThread().getContextClassLoader());
    }

    public EmbeddedJobExecutor(Configuration config, LocalCluster cluster, List<String> jarPaths,
                               ClassLoader userClassLoader) {
        this.config = cluster != null ? cluster.configuration() : config;
        this.cluster = cluster;
        this.jarPaths = jarPaths;
        this.userClassLoader = userClassLoader;
    }

    @Override
    public JobResult execute(JobGraph graph) throws Exception {
        if (cluster != null) {
            return run(cluster, graph);
        }
        try (LocalCluster fresh = LocalCluster.start(config)) {
            return run(fresh, graph);
        }
    }

    private JobResult run(LocalCluster c, JobGraph graph) throws Exception {
        try (ClusterClient client = new ClusterClient(c.host(), c.port())) {
            return client.submitAndWait(graph, jarPaths);
        }
    }

    @Override
    public int defaultParallelism() {
        return cluster != null ? Math.min(cluster.totalSlots(), LocalCluster.defaultParallelism(config))
                : LocalCluster.defaultParallelism(config);
    }

    @Override
    public Configuration configuration() {
        return config;
    }

    @Override
    public ClassLoader userClassLoader() {
        return userClassLoader;
    }
}
