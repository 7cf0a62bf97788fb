package dev.spindle.runtime.client;

import dev.spindle.runtime.config.Configuration;
import java.util.function.Supplier;

/**
 * The executor that {@code getExecutionEnvironment()} binds to. {@code bin/run} installs one before
 * calling the job's main; a program started any other way gets an embedded cluster per job.
 */
public final class JobExecutors {

    private static volatile Supplier<JobExecutor> context;

    private JobExecutors() {
    }

    public static void install(Supplier<JobExecutor> executor) {
        context = executor;
    }

    public static void clear() {
        context = null;
    }

    public static JobExecutor current() {
        Supplier<JobExecutor> c = context;
        return c != null ? c.get() : new EmbeddedJobExecutor(new Configuration(), null);
    }
}
