package dev.spindle.runtime.cli;

import dev.spindle.runtime.classloading.UserCodeClassLoaders;
import dev.spindle.runtime.client.DeploymentException;
import dev.spindle.runtime.client.JobExecutionException;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.client.JobExecutors;
import dev.spindle.runtime.client.JobStatus;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.config.IllegalConfigurationException;
import dev.spindle.runtime.util.ExceptionUtils;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The Java side of {@code bin/run}: reads the configuration, loads the job's main class from its
 * jar in its own classloader, binds {@code getExecutionEnvironment()} to the chosen target (the
 * embedded cluster, or YARN), runs {@code main}, and turns the outcome into an exit code and, on
 * failure, one line on stderr. Exit codes: 0 success, 1 the job or program failed or was cancelled,
 * 2 bad arguments or configuration, 3 the cluster could not be deployed.
 */
public final class CliFrontend {

    public static final int SUCCESS = 0;
    public static final int JOB_FAILED = 1;
    public static final int USAGE_ERROR = 2;
    public static final int DEPLOYMENT_FAILED = 3;

    private final PrintStream out;
    private final PrintStream err;

    public CliFrontend(PrintStream err) {
        this(System.out, err);
    }

    public CliFrontend(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new CliFrontend(System.out, System.err).run(args);
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
            out.println(CliArguments.USAGE);
            return SUCCESS;
        }
        ProgramStatus status = new ProgramStatus();
        int code;
        try {
            code = runProgram(cli, status);
        } catch (UserError e) {
            err.println("Error: " + e.getMessage());
            printTrace(cli, e.getCause());
            status.setFinalStatus("FAILED", e.getMessage());
            code = USAGE_ERROR;
        } catch (DeploymentException e) {
            err.println("Error: " + e.getMessage());
            printTrace(cli, e);
            status.setFinalStatus("FAILED", e.getMessage());
            code = DEPLOYMENT_FAILED;
        }
        writeStatusFile(cli, status);
        return code;
    }

    private void printTrace(CliArguments cli, Throwable t) {
        if (cli.verbose() && t != null) {
            t.printStackTrace(err);
        }
    }

    private int runProgram(CliArguments cli, ProgramStatus status) throws DeploymentException {
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
        Method main = MainClasses.find(cli.mainClass(), jar, loader);
        DeploymentTarget target = target(cli.target());
        CliContext context = new CliContext(config, jar, loader, out, err, cli.detached(), cli.keepOnExit(), status);
        JobExecutor executor;
        try {
            executor = new ReportingExecutor(target.createExecutor(context), context);
        } catch (DeploymentException | UserError e) {
            throw e;
        } catch (IllegalConfigurationException e) {
            throw new UserError(e.getMessage(), e);
        } catch (Exception e) {
            throw new DeploymentException("Cannot deploy to " + target.name() + ": " + ExceptionUtils.rootCause(e), e);
        }
        try {
            JobExecutors.install(() -> executor);
            return invokeMain(main, cli, loader, status);
        } finally {
            JobExecutors.clear();
            closeQuietly(executor);
        }
    }

    private void closeQuietly(JobExecutor executor) {
        try {
            ((AutoCloseable) executor).close();
        } catch (Exception e) {
            err.println("Warning: shutting down the cluster failed: " + ExceptionUtils.rootCause(e));
        }
    }

    private static DeploymentTarget target(String name) {
        if (name.equals("local")) {
            return new LocalDeploymentTarget();
        }
        for (DeploymentTarget t : ServiceLoader.load(DeploymentTarget.class, CliFrontend.class.getClassLoader())) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new UserError("Unknown target '" + name + "' for -m (use local or yarn-cluster)", null);
    }

    private int invokeMain(Method main, CliArguments cli, ClassLoader loader, ProgramStatus status)
            throws DeploymentException {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            main.invoke(null, (Object) cli.programArgs().toArray(new String[0]));
            if (status.finalStatus() == null) {
                status.setFinalStatus(cli.detached() ? "RUNNING" : "SUCCEEDED", "");
            }
            return SUCCESS;
        } catch (InvocationTargetException e) {
            return reportProgramFailure(e.getCause(), cli.verbose(), status);
        } catch (IllegalAccessException e) {
            throw new UserError("Cannot call " + main + ": " + e.getMessage(), e);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private int reportProgramFailure(Throwable t, boolean verbose, ProgramStatus status) throws DeploymentException {
        DeploymentException deployment = find(t, DeploymentException.class);
        if (deployment != null) {
            throw deployment;
        }
        JobExecutionException jobFailure = find(t, JobExecutionException.class);
        String message;
        if (jobFailure != null) {
            message = jobFailure.getMessage();
            boolean cancelled = jobFailure.result().status() == JobStatus.CANCELED;
            status.setFinalStatus(cancelled ? "KILLED" : "FAILED", message);
        } else if (t instanceof IllegalConfigurationException) {
            message = t.getMessage();
            status.setFinalStatus("FAILED", message);
        } else {
            message = "The program failed: " + ExceptionUtils.rootCause(t);
            status.setFinalStatus("FAILED", message);
        }
        err.println("Error: " + message);
        if (verbose) {
            t.printStackTrace(err);
        } else {
            err.println("(run with -v for the full stack trace)");
        }
        return JOB_FAILED;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private void writeStatusFile(CliArguments cli, ProgramStatus status) {
        if (cli.statusFile() == null) {
            return;
        }
        try {
            status.write(Path.of(cli.statusFile()));
        } catch (IOException e) {
            err.println("Warning: cannot write status file " + cli.statusFile() + ": " + e.getMessage());
        }
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

    /** A mistake of the user (arguments, jar, class, configuration): one line, exit code 2. */
    static final class UserError extends RuntimeException {
        UserError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
