package dev.spindle.runtime.cli;

import dev.spindle.runtime.classloading.UserCodeClassLoaders;
import dev.spindle.runtime.client.EmbeddedJobExecutor;
import dev.spindle.runtime.client.JobExecutionException;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.client.JobExecutors;
import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.config.IllegalConfigurationException;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.util.ExceptionUtils;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The Java side of {@code bin/run}: reads the configuration, loads the job's main class from its
 * jar in its own classloader, binds {@code getExecutionEnvironment()} to an embedded cluster, runs
 * {@code main}, and turns the outcome into an exit code and, on failure, one line on stderr.
 * Exit codes: 0 success, 1 the job or program failed, 2 bad arguments or configuration.
 */
public final class CliFrontend {

    public static final int SUCCESS = 0;
    public static final int JOB_FAILED = 1;
    public static final int USAGE_ERROR = 2;

    private final PrintStream err;

    public CliFrontend(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new CliFrontend(System.err).run(args);
        System.exit(code);
    }

    /** Runs the command line; returns the exit code (only {@link #main} exits). */
    public int run(String[] args) {
        CliArguments cli;
        try {
            cli = CliArguments.parse(args);
        } catch (CliArguments.UsageException e) {
            err.println("Error: " + e.getMessage());
            err.println(CliArguments.USAGE);
            return USAGE_ERROR;
        }
        if (cli.help()) {
            System.out.println(CliArguments.USAGE);
            return SUCCESS;
        }
        try {
            return runJob(cli);
        } catch (UserError e) {
            err.println("Error: " + e.getMessage());
            if (cli.verbose() && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            return USAGE_ERROR;
        }
    }

    private int runJob(CliArguments cli) {
        Configuration config = loadConfiguration(cli);
        File jar = new File(cli.jarPath());
        if (!jar.isFile()) {
            throw new UserError("Job jar not found: " + jar.getAbsolutePath(), null);
        }
        ClassLoader loader;
        try {
            loader = UserCodeClassLoaders.create(List.of(jar.getAbsolutePath()), CliFrontend.class.getClassLoader(), config);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        Method main = findMain(cli, jar, loader);
        try (LocalCluster cluster = startCluster(config)) {
            JobExecutor executor = new ReportingExecutor(
                    new EmbeddedJobExecutor(config, cluster, List.of(jar.getAbsolutePath()), loader), err);
            JobExecutors.install(() -> executor);
            return invokeMain(main, cli, loader);
        } finally {
            JobExecutors.clear();
        }
    }

    private LocalCluster startCluster(Configuration config) {
        try {
            return LocalCluster.start(config);
        } catch (Exception e) {
            throw new UserError("Cannot start the embedded cluster: " + ExceptionUtils.rootCause(e), e);
        }
    }

    private int invokeMain(Method main, CliArguments cli, ClassLoader loader) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            main.invoke(null, (Object) cli.programArgs().toArray(new String[0]));
            return SUCCESS;
        } catch (InvocationTargetException e) {
            return reportProgramFailure(e.getCause(), cli.verbose());
        } catch (IllegalAccessException e) {
            throw new UserError("Cannot call " + main + ": " + e.getMessage(), e);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private int reportProgramFailure(Throwable t, boolean verbose) {
        JobExecutionException jobFailure = findJobFailure(t);
        if (jobFailure != null) {
            err.println("Error: " + jobFailure.getMessage());
        } else if (t instanceof IllegalConfigurationException) {
            err.println("Error: " + t.getMessage());
        } else {
            err.println("Error: The program failed: " + ExceptionUtils.rootCause(t));
        }
        if (verbose) {
            t.printStackTrace(err);
        } else {
            err.println("(run with -v for the full stack trace)");
        }
        return JOB_FAILED;
    }

    private static JobExecutionException findJobFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JobExecutionException j) {
                return j;
            }
        }
        return null;
    }

    private Configuration loadConfiguration(CliArguments cli) {
        Configuration config = new Configuration();
        String confDir = System.getProperty("spindle.conf.dir", System.getenv("SPINDLE_CONF_DIR"));
        if (confDir != null) {
            Path yaml = Path.of(confDir, "spindle.yaml");
            if (yaml.toFile().isFile()) {
                try {
                    config.addAll(Configuration.loadYaml(yaml));
                } catch (IOException | IllegalConfigurationException e) {
                    throw new UserError("Cannot read " + yaml + ": " + e.getMessage(), e);
                }
            }
        }
        cli.dynamicProperties().forEach(config::setString);
        if (cli.parallelism() != null) {
            config.set(CoreOptions.DEFAULT_PARALLELISM, cli.parallelism());
        }
        try {
            config.validate();
        } catch (IllegalConfigurationException e) {
            throw new UserError(e.getMessage(), e);
        }
        for (String unknown : config.unknownKeys()) {
            err.println("Warning: unknown configuration key '" + unknown + "' (ignored)");
        }
        return config;
    }

    private static Method findMain(CliArguments cli, File jar, ClassLoader loader) {
        String className = cli.mainClass() != null ? cli.mainClass() : manifestMainClass(jar);
        Class<?> clazz;
        try {
            clazz = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UserError("Main class " + className + " not found in " + jar.getName(), e);
        }
        try {
            Method main = clazz.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new NoSuchMethodException();
            }
            return main;
        } catch (NoSuchMethodException e) {
            throw new UserError("Class " + className + " has no 'public static void main(String[])'", e);
        }
    }

    private static String manifestMainClass(File jar) {
        try (JarFile jf = new JarFile(jar)) {
            String main = jf.getManifest() == null ? null : jf.getManifest().getMainAttributes().getValue("Main-Class");
            if (main == null || main.isBlank()) {
                throw new UserError("The jar " + jar.getName() + " names no Main-Class; give one with -c", null);
            }
            return main.trim();
        } catch (IOException e) {
            throw new UserError("Cannot read jar " + jar.getAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** A mistake of the user (arguments, jar, class, configuration): one line, exit code 2. */
    static final class UserError extends RuntimeException {
        UserError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Prints each job's id on stdout when submitted (for schedulers) and how it ended on stderr. */
    private static final class ReportingExecutor implements JobExecutor {
        private final JobExecutor delegate;
        private final PrintStream err;

        ReportingExecutor(JobExecutor delegate, PrintStream err) {
            this.delegate = delegate;
            this.err = err;
        }

        @Override
        public JobResult execute(JobGraph graph) throws Exception {
            System.out.println("jobId=" + graph.jobId());
            JobResult result = delegate.execute(graph);
            err.printf("Job '%s' %s in %.2f s%n", result.jobName(),
                    result.status().name().toLowerCase(java.util.Locale.ROOT), result.durationMillis() / 1000.0);
            return result;
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
    }
}
