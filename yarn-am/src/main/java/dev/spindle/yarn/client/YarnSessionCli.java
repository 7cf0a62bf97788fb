package dev.spindle.yarn.client;

import dev.spindle.runtime.cli.ConfigurationLoader;
import dev.spindle.runtime.client.ClusterClient;
import dev.spindle.runtime.client.DeploymentException;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.IllegalConfigurationException;
import dev.spindle.runtime.util.ExceptionUtils;
import dev.spindle.yarn.YarnOptions;
import java.io.IOException;
import java.io.PrintStream;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;

/**
 * The Java side of {@code bin/yarn-session}: starts a long-running Spindle ApplicationMaster (a
 * session) and records it in the session file for later {@code bin/run} calls, or stops the
 * recorded (or named) session cleanly. Attached, it stays until the session ends and stops it on
 * Ctrl-C. Prints {@code applicationId=...} on stdout as soon as it is known. Exit codes as
 * {@code bin/run}: 0 ok, 1 the session failed, 2 usage or configuration error, 3 deployment failed.
 */
public final class YarnSessionCli {

    private static final String STOPPED_BY_CLI = "Session stopped with bin/yarn-session --stop";

    private final PrintStream out;
    private final PrintStream err;

    public YarnSessionCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new YarnSessionCli(System.out, System.err).run(args));
    }

    /** Runs the command line; returns the exit code (only {@link #main} exits). */
    public int run(String[] args) {
        YarnSessionArguments cli;
        try {
            cli = YarnSessionArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.println(YarnSessionArguments.USAGE);
            return 2;
        }
        if (cli.action() == YarnSessionArguments.Action.HELP) {
            out.println(YarnSessionArguments.USAGE);
            return 0;
        }
        try {
            Configuration config = ConfigurationLoader.load(cli.settings(), err);
            return cli.action() == YarnSessionArguments.Action.STOP ? stop(config) : start(config, cli.detached());
        } catch (IllegalConfigurationException e) {
            return fail(cli, e, 2);
        } catch (DeploymentException e) {
            return fail(cli, e, 3);
        }
    }

    private int fail(YarnSessionArguments cli, Exception e, int code) {
        err.println("Error: " + e.getMessage());
        if (cli.verbose()) {
            e.printStackTrace(err);
        }
        return code;
    }

    private int start(Configuration config, boolean detached) throws DeploymentException {
        if (!config.contains(YarnOptions.APPLICATION_NAME)) {
            config.set(YarnOptions.APPLICATION_NAME, "Spindle session");
        }
        YarnSessionFile file = YarnSessionFile.of(config);
        refuseIfRunning(config, file);
        try (YarnDeployer deployer = new YarnDeployer(config)) {
            YarnClientApplication app = deployer.createApplication();
            ApplicationId id = app.getNewApplicationResponse().getApplicationId();
            out.println("applicationId=" + id);
            out.flush();
            YarnApplication deployed = deployer.deploy(app, null, false);
            YarnSessionFile.Session session = record(deployer, deployed, file);
            out.println("jobManagerAddress=" + session.jobManagerAddress());
            out.println("restAddress=" + session.restAddress());
            out.flush();
            err.println("Spindle session " + id + " is running (recorded in " + file.path() + "). Submit jobs "
                    + "with bin/run job.jar; stop it with bin/yarn-session --stop");
            if (detached) {
                return 0;
            }
            return followAttached(deployer, id, file);
        }
    }

    /** A recorded session that still runs would be orphaned by starting another over it. */
    private static void refuseIfRunning(Configuration config, YarnSessionFile file) throws DeploymentException {
        if (!file.exists()) {
            return;
        }
        try (YarnSessionLocator locator = new YarnSessionLocator(config)) {
            ApplicationId recorded = locator.applicationId();
            YarnApplicationState state;
            try {
                state = locator.report(recorded).getYarnApplicationState();
            } catch (IllegalConfigurationException unknown) {
                return; // the ResourceManager forgot it (restarted); the file is stale
            }
            if (!ApplicationMonitor.isEnded(state)) {
                throw new IllegalConfigurationException("A session is already running: " + recorded + " (recorded in "
                        + file.path() + "); stop it with bin/yarn-session --stop, or record this one elsewhere "
                        + "with -D " + YarnOptions.SESSION_PROPERTIES_FILE.key() + "=FILE");
            }
        }
    }

    private static YarnSessionFile.Session record(YarnDeployer deployer, YarnApplication deployed, YarnSessionFile file)
            throws DeploymentException {
        String rest = "";
        try {
            rest = YarnSessionLocator.restAddress(deployer.yarnClient().getApplicationReport(deployed.id()));
        } catch (Exception e) {
            // The REST address is a convenience; the session works without it.
        }
        YarnSessionFile.Session session = new YarnSessionFile.Session(deployed.id().toString(),
                deployed.jobManagerHost() + ":" + deployed.jobManagerPort(), rest);
        try {
            file.write(session);
        } catch (IOException e) {
            deployer.kill(deployed.id());
            throw new DeploymentException("Cannot record the session in " + file.path() + " (stopped it again): "
                    + e.getMessage(), e);
        }
        return session;
    }

    /** Stays until the session ends; Ctrl-C stops it. */
    private int followAttached(YarnDeployer deployer, ApplicationId id, YarnSessionFile file)
            throws DeploymentException {
        Thread stopOnExit = new Thread(() -> {
            err.println("Interrupted: stopping session " + id);
            deployer.kill(id);
            file.deleteIfFor(id.toString());
        }, "spindle-session-stop-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        err.println("Attached; press Ctrl-C to stop the session");
        ApplicationReport report = new ApplicationMonitor(deployer.yarnClient(), id).awaitEnd(Long.MAX_VALUE);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException ignored) {
            // The JVM is shutting down; the hook runs.
        }
        file.deleteIfFor(id.toString());
        String finalStatus = ApplicationMonitor.finalStatusName(report);
        out.println("finalStatus=" + finalStatus);
        return "SUCCEEDED".equals(finalStatus) ? 0 : 1;
    }

    private int stop(Configuration config) throws DeploymentException {
        try (YarnSessionLocator locator = new YarnSessionLocator(config)) {
            ApplicationId id = locator.applicationId();
            ApplicationReport report = locator.report(id);
            if (ApplicationMonitor.isEnded(report.getYarnApplicationState())) {
                locator.file().deleteIfFor(id.toString());
                err.println("Session " + id + " has already ended (" + report.getYarnApplicationState() + ")");
                return 0;
            }
            askToStop(locator, locator.running(id, report));
            ApplicationMonitor monitor = new ApplicationMonitor(locator.yarnClient(), id);
            report = monitor.awaitEnd(config.get(YarnOptions.DEPLOYMENT_TIMEOUT));
            if (!ApplicationMonitor.isEnded(report.getYarnApplicationState())) {
                err.println("Warning: session " + id + " did not stop in time; killing it");
                locator.yarnClient().killApplication(id);
                report = monitor.awaitEnd(30_000);
            }
            locator.file().deleteIfFor(id.toString());
            out.println("applicationId=" + id);
            out.println("finalStatus=" + ApplicationMonitor.finalStatusName(report));
            err.println("Session " + id + " stopped");
            return 0;
        } catch (DeploymentException | IllegalConfigurationException e) {
            throw e;
        } catch (Exception e) {
            throw new DeploymentException("Cannot stop the session: " + ExceptionUtils.rootCause(e), e);
        }
    }

    /** Asks the JobManager to stop (a clean end, SUCCEEDED); kills the application if it cannot be reached. */
    private void askToStop(YarnSessionLocator locator, YarnSessionLocator.Located session) throws Exception {
        try (ClusterClient client = locator.connect(session)) {
            client.stopCluster(STOPPED_BY_CLI);
        } catch (DeploymentException e) {
            err.println("Warning: " + e.getMessage() + "; killing the application instead");
            locator.yarnClient().killApplication(session.id());
        }
    }
}
