package dev.spindle.yarn.client;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;

/** A deployed Spindle application: its id, its staging directory, and where its JobManager listens. */
record YarnApplication(ApplicationId id, Path stagingDir, String jobManagerHost, int jobManagerPort) {
}
