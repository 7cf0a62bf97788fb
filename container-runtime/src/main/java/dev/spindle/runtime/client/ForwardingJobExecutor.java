package dev.spindle.runtime.client;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;

/** A job executor that passes everything to another; subclasses add behaviour around some calls. */
public abstract class ForwardingJobExecutor implements JobExecutor, AutoCloseable {

    protected final JobExecutor delegate;

    protected ForwardingJobExecutor(JobExecutor delegate) {
        this.delegate = delegate;
    }

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

    /** Closes the delegate if it can be closed. */
    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable c) {
            c.close();
        }
    }
}
