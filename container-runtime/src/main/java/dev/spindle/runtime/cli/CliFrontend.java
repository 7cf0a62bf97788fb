package dev.spindle.runtime.cli;

import dev.spindle.runtime.classloading.UserCodeClassLoaders;
import dev.spindle.runtime.client.ClusterClient;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

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
        if (cli.action() == CliArguments.Action.HELP) {
            out.println(CliArguments.USAGE);
            return SUCCESS;
        }
        ProgramStatus status = new ProgramStatus();
        int code;
        try {
            code = cli.action() == CliArguments.Action.RUN ? runProgram(cli, status) : controlCluster(cli);
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
        DeploymentTarget target = target(cli.target(), config);
        CliContext context = new CliContext(config, jar, loader, out, err, cli.detached(), cli.keepOnExit(), status);
        JobExecutor executor = new ReportingExecutor(
                callTarget(() -> target.createExecutor(context), "Cannot deploy to " + target.name()), context);
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

    /** The named target, or without {@code -m} the first that claims the default (else the embedded cluster). */
    private static DeploymentTarget target(String name, Configuration config) {
        LocalDeploymentTarget local = new LocalDeploymentTarget();
        if (local.name().equals(name)) {
            return local;
        }
        for (DeploymentTarget t : ServiceLoader.load(DeploymentTarget.class, CliFrontend.class.getClassLoader())) {
            if (name == null ? t.isDefault(config) : t.name().equals(name)) {
                return t;
            }
        }
        if (name == null) {
            return local;
        }
        throw new UserError("Unknown target '" + name + "' for -m (use local, yarn-cluster or yarn-session)", null);
    }

    /**
     * Calls into a deployment target: configuration mistakes become user errors (exit 2), anything
     * unexpected a deployment failure (exit 3) that starts with {@code failurePrefix}.
     */
    private static <T> T callTarget(Callable<T> call, String failurePrefix) throws DeploymentException {
        try {
            return call.call();
        } catch (DeploymentException | UserError e) {
            throw e;
        } catch (IllegalConfigurationException e) {
            throw new UserError(e.getMessage(), e);
        } catch (Exception e) {
            throw new DeploymentException(failurePrefix + ": " + ExceptionUtils.rootCause(e), e);
        }
    }

    /** {@code --list} and {@code --cancel}: talk to the running cluster the target names. */
    private int controlCluster(CliArguments cli) throws DeploymentException {
        Configuration config = loadConfiguration(cli);
        DeploymentTarget target = target(cli.target(), config);
        ClusterClient client = callTarget(() -> target.connect(config),
                "Cannot reach the " + target.name() + " cluster");
        if (client == null) {
            throw new UserError("There is no running cluster to " + cli.action().name().toLowerCase(Locale.ROOT)
                    + " jobs in: the embedded cluster lives only while bin/run runs a program (start a YARN "
                    + "session with bin/yarn-session, or name one with -yid)", null);
        }
        try (client) {
            return cli.action() == CliArguments.Action.LIST ? JobListing.print(client.listJobs(), out)
                    : cancel(client, cli.jobIdToCancel());
        } catch (Exception e) {
            throw new DeploymentException("The cluster at " + client.address() + " did not answer: "
                    + ExceptionUtils.rootCause(e), e);
        }
    }

    private int cancel(ClusterClient client, String jobId) throws Exception {
        if (!client.cancel(jobId)) {
            err.println("Error: the cluster has no job " + jobId + " (see bin/run --list)");
            return USAGE_ERROR;
        }
        out.println("Cancelling job " + jobId);
        return SUCCESS;
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
        Map<String, String> settings = new LinkedHashMap<>(cli.dynamicProperties());
        if (cli.parallelism() != null) {
            settings.put(CoreOptions.DEFAULT_PARALLELISM.key(), cli.parallelism().toString());
        }
        try {
            return ConfigurationLoader.load(settings, err);
        } catch (IllegalConfigurationException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** A mistake of the user (arguments, jar, class, configuration): one line, exit code 2. */
    static final class UserError extends RuntimeException {
        UserError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
