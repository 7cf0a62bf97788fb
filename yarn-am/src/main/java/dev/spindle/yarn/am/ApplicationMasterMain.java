package dev.spindle.yarn.am;

import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.jobmanager.JobManager;
import dev.spindle.runtime.jobmanager.JobManagerOptions;
import dev.spindle.runtime.taskmanager.TaskManagerRunner;
import dev.spindle.yarn.YarnOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import dev.spindle.yarn.ContainerResources;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The ApplicationMaster process: it is the JobManager. It registers with the ResourceManager
 * (advertising the JobManager's address as its RPC endpoint), lets the JobManager ask YARN for
 * TaskManager containers as jobs need slots, and in job mode ends with the job: it stops the
 * TaskManagers, unregisters with the final status that matches the job's outcome and a diagnostic
 * naming the root cause, and removes the application's staging files. In session mode it runs jobs
 * until stopped (a client's stop request, DELETE /cluster, or YARN killing it), keeping the
 * configured minimum of TaskManagers warm and releasing idle ones.
 */
public final class ApplicationMasterMain {

    /** Internal setting: the AM ends after its first job (job mode) or runs until stopped (session). */
    public static final String JOB_MODE_KEY = "yarn.internal.job-mode";

    private static final Logger LOG = LogManager.getLogger(ApplicationMasterMain.class);

    private final Configuration config;
    private final CompletableFuture<Ending> ending = new CompletableFuture<>();
    private volatile boolean jobSubmitted;

    /** Why and how the application ends. */
    private record Ending(FinalApplicationStatus status, String diagnostics) {
    }

    private ApplicationMasterMain(Configuration config) {
        this.config = config;
    }

    public static void main(String[] args) {
        int code = 0;
        try {
            Configuration config = TaskManagerRunner.readProperties(args[0]);
            new ApplicationMasterMain(config).run();
        } catch (Throwable t) {
            LOG.error("The ApplicationMaster failed", t);
            System.err.println("The ApplicationMaster failed: " + t);
            code = 1;
        }
        System.exit(code);
    }

    private void run() throws Exception {
        String host = System.getenv(ApplicationConstants.Environment.NM_HOST.name());
        config.set(JobManagerOptions.RPC_ADDRESS, host);
        YarnConfiguration yarnConf = yarnConfiguration();
        JobManager jobManager = new JobManager(config);
        YarnResourceDriver driver = new YarnResourceDriver(config, taskManagerResources(yarnConf), jobManager,
                reason -> ending.complete(new Ending(FinalApplicationStatus.FAILED, "Stopped: " + reason)));
        AMRMClientAsync<ContainerRequest> rm = AMRMClientAsync.createAMRMClientAsync(500, driver);
        rm.init(yarnConf);
        rm.start();
        NMClientAsync nm = NMClientAsync.createNMClientAsync(driver.nodeManagerCallbacks());
        nm.init(yarnConf);
        nm.start();
        driver.connect(rm, nm);
        String trackingUrl = jobManager.restPort() > 0 ? "http://" + host + ":" + jobManager.restPort() + "/overview" : "";
        boolean jobMode = Boolean.parseBoolean(config.getString(JOB_MODE_KEY));
        // Stopping a session is how it is meant to end; stopping a job-mode cluster kills its job.
        FinalApplicationStatus stopped = jobMode ? FinalApplicationStatus.KILLED : FinalApplicationStatus.SUCCEEDED;
        jobManager.addShutdownListener(reason -> ending.complete(new Ending(stopped, reason)));
        rm.registerApplicationMaster(host, jobManager.port(), trackingUrl);
        LOG.info("ApplicationMaster registered in {} mode; JobManager at {}:{}", jobMode ? "job" : "session", host,
                jobManager.port());
        jobManager.setResourceDriver(driver, driver.slotsPerWorker());
        if (jobMode) {
            jobManager.addSubmissionListener(jobId -> jobSubmitted = true);
            jobManager.addJobListener(result -> ending.complete(endingOf(result)));
        }
        Ending end = awaitEnding(jobMode);
        LOG.info("Application ending: {} {}", end.status(), end.diagnostics());
        jobManager.close();
        driver.close();
        // Before unregistering: a client that sees the application end may check that staging is gone.
        deleteStagingDir(yarnConf);
        rm.unregisterApplicationMaster(end.status(), end.diagnostics(), trackingUrl);
        nm.stop();
        rm.stop();
    }

    private Ending awaitEnding(boolean jobMode) throws Exception {
        if (!jobMode) {
            return ending.get();
        }
        long timeout = config.get(YarnOptions.JOB_SUBMISSION_TIMEOUT);
        try {
            return ending.get(timeout, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (!jobSubmitted) {
                return new Ending(FinalApplicationStatus.FAILED, "No job was submitted within " + timeout / 1000
                        + " s; the client probably died");
            }
            return ending.get();
        }
    }

    private static Ending endingOf(JobResult result) {
        return switch (result.status()) {
            case FINISHED -> new Ending(FinalApplicationStatus.SUCCEEDED, "Job '" + result.jobName() + "' finished");
            case CANCELED -> new Ending(FinalApplicationStatus.KILLED, "Job '" + result.jobName() + "' was cancelled");
            default -> new Ending(FinalApplicationStatus.FAILED, "Job '" + result.jobName() + "' failed: "
                    + (result.failureSummary() == null ? "unknown cause" : result.failureSummary()));
        };
    }

    /**
     * What TaskManager containers localize: what the client listed, plus this application's
     * configuration file (which could not list itself).
     */
    private ContainerResources taskManagerResources(YarnConfiguration yarnConf) throws java.io.IOException {
        ContainerResources resources = ContainerResources.decode(config.get(YarnOptions.CONTAINER_RESOURCES));
        Path confFile = new Path(config.get(YarnOptions.STAGING_PATH), ContainerResources.CONFIG_FILE);
        FileStatus status = confFile.getFileSystem(yarnConf).getFileStatus(confFile);
        resources.add(new ContainerResources.Entry(ContainerResources.CONFIG_FILE, status.getPath().toString(),
                status.getLen(), status.getModificationTime(), false));
        return resources;
    }

    /** The client's Hadoop configuration (shipped), overridden by the node's own if it has one. */
    private static YarnConfiguration yarnConfiguration() {
        return new YarnConfiguration(dev.spindle.connectors.hdfs.HadoopFileSystems.hadoopConfiguration());
    }

    private void deleteStagingDir(YarnConfiguration yarnConf) {
        String staging = config.get(YarnOptions.STAGING_PATH);
        if (staging.isEmpty()) {
            return;
        }
        try {
            Path dir = new Path(staging);
            dir.getFileSystem(yarnConf).delete(dir, true);
        } catch (Exception e) {
            LOG.warn("Could not remove the staging directory {}", staging, e);
        }
    }
}
