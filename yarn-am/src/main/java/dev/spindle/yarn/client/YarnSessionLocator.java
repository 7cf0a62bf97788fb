package dev.spindle.yarn.client;

import static dev.spindle.yarn.Diagnostics.rootMessage;

import dev.spindle.runtime.client.ClusterClient;
import dev.spindle.runtime.client.DeploymentException;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.IllegalConfigurationException;
import dev.spindle.yarn.YarnOptions;
import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;

/**
 * Finds the YARN session a command means — the one named by {@code -yid}, else the one in the
 * session properties file — checks with the ResourceManager that it runs, and connects to its
 * JobManager (the address the ApplicationMaster registered). Owns a YARN client until closed.
 */
final class YarnSessionLocator implements AutoCloseable {

    /** A running session: its id and its JobManager's RPC endpoint. */
    record Located(ApplicationId id, String host, int port, String restAddress) {
    }

    private final Configuration config;
    private final YarnSessionFile file;
    private final YarnConfiguration yarnConf;
    private YarnClient yarnClient;

    YarnSessionLocator(Configuration config) {
        this.config = config;
        this.file = YarnSessionFile.of(config);
        this.yarnConf = HadoopClientConfig.create(config);
    }

    /** Whether a command without {@code -m} should go to a session. */
    static boolean isConfigured(Configuration config) {
        return !config.get(YarnOptions.APPLICATION_ID).isEmpty() || YarnSessionFile.of(config).exists();
    }

    YarnSessionFile file() {
        return file;
    }

    /** The session's application id, from {@code -yid} or the session file. */
    ApplicationId applicationId() {
        String id = config.get(YarnOptions.APPLICATION_ID);
        if (id.isEmpty()) {
            Optional<YarnSessionFile.Session> recorded;
            try {
                recorded = file.read();
            } catch (IOException e) {
                throw new IllegalConfigurationException("Cannot read the session file " + file.path() + ": "
                        + e.getMessage());
            }
            id = recorded.orElseThrow(() -> new IllegalConfigurationException("No YARN session: no -yid given and "
                    + file.path() + " does not exist (start one with bin/yarn-session)")).applicationId();
        }
        try {
            return ApplicationId.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalConfigurationException("'" + id + "' is not a YARN application id "
                    + "(expected application_<timestamp>_<number>)");
        }
    }

    ApplicationReport report(ApplicationId id) throws DeploymentException {
        try {
            return yarnClient().getApplicationReport(id);
        } catch (ApplicationNotFoundException e) {
            throw new IllegalConfigurationException("YARN does not know application " + id + " (check -yid"
                    + (config.get(YarnOptions.APPLICATION_ID).isEmpty() ? " or remove " + file.path() : "") + ")");
        } catch (Exception e) {
            throw new DeploymentException("Cannot reach the YARN ResourceManager at "
                    + yarnConf.get(YarnConfiguration.RM_ADDRESS) + ": " + rootMessage(e)
                    + " (check HADOOP_CONF_DIR and that YARN is running)", e);
        }
    }

    /** The running session, or a clear error if it ended or never ran. */
    Located locateRunning() throws DeploymentException {
        ApplicationId id = applicationId();
        return running(id, report(id));
    }

    /** The session in the report, or a clear error if it is not running. */
    Located running(ApplicationId id, ApplicationReport report) throws DeploymentException {
        YarnApplicationState state = report.getYarnApplicationState();
        if (state != YarnApplicationState.RUNNING || report.getRpcPort() <= 0) {
            String hint = config.get(YarnOptions.APPLICATION_ID).isEmpty()
                    ? " (it is recorded in " + file.path() + "; start a new session with bin/yarn-session, or run "
                    + "locally with -m local)"
                    : "";
            throw new DeploymentException("The YARN session " + id + " is not running (" + state + ")" + hint);
        }
        return new Located(id, report.getHost(), report.getRpcPort(), restAddress(report));
    }

    /** The JobManager's REST address: the ApplicationMaster's own tracking URL without its page. */
    static String restAddress(ApplicationReport report) {
        String tracking = report.getOriginalTrackingUrl();
        return tracking == null ? "" : tracking.replaceFirst("/overview$", "");
    }

    ClusterClient connect(Located session) throws DeploymentException {
        try {
            return new ClusterClient(session.host(), session.port());
        } catch (IOException e) {
            throw new DeploymentException("Cannot reach the JobManager of session " + session.id() + ": "
                    + e.getMessage(), e);
        }
    }

    YarnClient yarnClient() {
        if (yarnClient == null) {
            yarnClient = YarnClient.createYarnClient();
            yarnClient.init(yarnConf);
            yarnClient.start();
        }
        return yarnClient;
    }

    @Override
    public void close() {
        if (yarnClient != null) {
            yarnClient.stop();
        }
    }
}
