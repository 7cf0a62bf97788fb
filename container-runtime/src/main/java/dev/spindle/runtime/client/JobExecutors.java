package dev.spindle.runtime.client;

import dev.spindle.runtime.config.Configuration;
import java.util.function.Supplier;

/**
 * The executor that {@code getExecutionEnvironment()} binds to. {@code bin/run} installs one before
 * calling the job's main; a program started any other way gets an embedded cluster per job.
 */
public final class JobExecutors {

    private static volatile Supplier<JobExecutor> context;
    /** A per-thread binding (programs run by the JobManager for the REST API), inherited by child threads. */
    private static final InheritableThreadLocal<Supplier<JobExecutor>> THREAD_CONTEXT = new InheritableThreadLocal<>();

    private JobExecutors() {
    }

    public static void install(Supplier<JobExecutor> executor) {
        context = executor;
    }

    public static void clear() {
        context = null;
    }

    public static void installForThread(Supplier<JobExecutor> executor) {
        THREAD_CONTEXT.set(executor);
    }

    public static JobExecutor current() {
        Supplier<JobExecutor> threadBound = THREAD_CONTEXT.get();
        if (threadBound != null) {
            return threadBound.get();
        }
        Supplier<JobExecutor> c = context;
        return c != null ? c.get() : new EmbeddedJobExecutor(new Configuration(), null);
    }
}
