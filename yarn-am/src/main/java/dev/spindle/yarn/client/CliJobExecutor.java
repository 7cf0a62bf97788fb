package dev.spindle.yarn.client;

import dev.spindle.runtime.cli.CliContext;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;

/**
 * What the YARN executors of {@code bin/run} share: the CLI's context, a default parallelism of one
 * TaskManager's slots, and one shutdown hook that cleans up when the client is interrupted (kill
 * the application, or cancel the job in a session). Subclasses install the hook once a job runs
 * and call {@link #removeInterruptHook()} when they close.
 */
abstract class CliJobExecutor implements JobExecutor, AutoCloseable {

    protected final CliContext context;
    protected final Configuration config;
    private Thread interruptHook;

    CliJobExecutor(CliContext context) {
        this.context = context;
        this.config = context.configuration();
    }

    /** Runs {@code onInterrupt} if the JVM exits (Ctrl-C, SIGTERM) before {@link #removeInterruptHook()}. */
    protected final synchronized void installInterruptHook(Runnable onInterrupt, String name) {
        if (interruptHook != null || context.keepOnExit()) {
            return;
        }
        interruptHook = new Thread(onInterrupt, name);
        Runtime.getRuntime().addShutdownHook(interruptHook);
    }

    protected final synchronized void removeInterruptHook() {
        if (interruptHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(interruptHook);
        } catch (IllegalStateException ignored) {
            // The JVM is already shutting down; the hook runs.
        }
        interruptHook = null;
    }

    @Override
    public int defaultParallelism() {
        int p = config.get(CoreOptions.DEFAULT_PARALLELISM);
        return p > 0 ? p : config.get(TaskManagerOptions.NUM_SLOTS);
    }

    @Override
    public Configuration configuration() {
        return config;
    }

    @Override
    public ClassLoader userClassLoader() {
        return context.userClassLoader();
    }
}
