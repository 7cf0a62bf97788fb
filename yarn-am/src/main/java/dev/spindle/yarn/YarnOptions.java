package dev.spindle.yarn;

import dev.spindle.runtime.config.ConfigOption;
import dev.spindle.runtime.config.OptionsHolder;

/** Settings of YARN deployments. */
public final class YarnOptions implements OptionsHolder {

    public static final ConfigOption<String> APPLICATION_NAME = ConfigOption.stringOption("yarn.application.name",
            "Spindle", "Name of the YARN application (bin/run -nm).");

    public static final ConfigOption<String> QUEUE = ConfigOption.stringOption("yarn.application.queue", "default",
            "YARN queue to submit to (bin/run -qu).");

    public static final ConfigOption<String> STAGING_DIRECTORY = ConfigOption.stringOption("yarn.staging-directory", "",
            "Where per-application files (job jar, configuration) are staged; empty: .spindle in the user's home "
                    + "directory on the default file system. Each application gets a subdirectory with permissions 700.");

    public static final ConfigOption<String> SHARED_LIB_DIRECTORY = ConfigOption.stringOption(
            "yarn.shared-lib-directory", "/tmp/spindle-shared-lib",
            "Directory on the default file system where Spindle's runtime jars are uploaded once, keyed by content "
                    + "hash, and registered as PUBLIC resources so NodeManagers cache them across applications. It and "
                    + "its parents must be readable by everyone.");

    public static final ConfigOption<String> SHIP_FILES = ConfigOption.stringOption("yarn.ship-files", "",
            "Comma-separated jars that make up the runtime on the cluster; empty: the client's own classpath.");

    public static final ConfigOption<Long> DEPLOYMENT_TIMEOUT = ConfigOption.longOption("yarn.deployment-timeout-ms",
            120_000, "How long the client waits for the ApplicationMaster to run before giving up (exit code 3).");

    public static final ConfigOption<Long> RM_CONNECT_TIMEOUT = ConfigOption.longOption(
            "yarn.resourcemanager.connect-timeout-ms", 15_000,
            "How long the client tries to reach the ResourceManager before failing (exit code 3).");

    public static final ConfigOption<Long> JOB_SUBMISSION_TIMEOUT = ConfigOption.longOption(
            "yarn.application-master.job-submission-timeout-ms", 300_000,
            "A job-mode ApplicationMaster that gets no job within this time gives up (its client probably died).");

    public static final ConfigOption<String> APPLICATION_ID = ConfigOption.stringOption("yarn.application.id", "",
            "The YARN session that bin/run submits to, lists or cancels in (bin/run -yid) and that "
                    + "bin/yarn-session --stop stops; empty: the one recorded in the session properties file.");

    public static final ConfigOption<String> SESSION_PROPERTIES_FILE = ConfigOption.stringOption(
            "yarn.session.properties-file", "",
            "Where bin/yarn-session records the running session (applicationId, jobManagerAddress, restAddress) "
                    + "so that later bin/run calls submit to it; empty: .spindle/yarn-session.properties in the "
                    + "user's home directory.");

    /** Internal: the resources the ApplicationMaster gives TaskManager containers (set by the client). */
    public static final ConfigOption<String> CONTAINER_RESOURCES = ConfigOption.stringOption(
            "yarn.internal.container-resources", "", "Internal: resources for TaskManager containers.");

    /** Internal: the application's staging directory, removed by the ApplicationMaster at the end. */
    public static final ConfigOption<String> STAGING_PATH = ConfigOption.stringOption("yarn.internal.staging-path", "",
            "Internal: the application's staging directory.");

    private YarnOptions() {
    }
}
