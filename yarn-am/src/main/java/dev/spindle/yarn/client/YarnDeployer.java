package dev.spindle.yarn.client;

import static dev.spindle.yarn.Diagnostics.rootMessage;

import dev.spindle.runtime.client.DeploymentException;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.MemorySize;
import dev.spindle.runtime.jobmanager.JobManagerOptions;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import dev.spindle.yarn.ContainerCommands;
import dev.spindle.yarn.ContainerResources;
import dev.spindle.yarn.YarnOptions;
import dev.spindle.yarn.am.ApplicationMasterMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.protocolrecords.GetNewApplicationResponse;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Submits a Spindle ApplicationMaster to YARN: checks the request against the cluster's limits,
 * ships the runtime, the job jar and the configuration ({@link StagingUploader}), builds the AM's
 * launch context, submits, and waits until the AM's JobManager listens ({@link ApplicationMonitor}).
 * Every failure becomes a {@link DeploymentException} with one clear sentence.
 */
final class YarnDeployer implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(YarnDeployer.class);

    private final Configuration config;
    private final YarnConfiguration yarnConf;
    private final YarnClient yarnClient;

    YarnDeployer(Configuration config) {
        this.config = config;
        this.yarnConf = HadoopClientConfig.create(config);
        this.yarnClient = YarnClient.createYarnClient();
        yarnClient.init(yarnConf);
        yarnClient.start();
    }

    YarnClient yarnClient() {
        return yarnClient;
    }

    /** Creates the application; the caller prints its id right away. */
    YarnClientApplication createApplication() throws DeploymentException {
        try {
            return yarnClient.createApplication();
        } catch (Exception e) {
            throw new DeploymentException("Cannot reach the YARN ResourceManager at "
                    + yarnConf.get(YarnConfiguration.RM_ADDRESS) + ": " + rootMessage(e)
                    + " (check HADOOP_CONF_DIR and that YARN is running)", e);
        }
    }

    /** Ships and starts the ApplicationMaster; {@code jobJar} is null for a session (jobs bring their own). */
    YarnApplication deploy(YarnClientApplication app, Path jobJar, boolean jobMode) throws DeploymentException {
        GetNewApplicationResponse response = app.getNewApplicationResponse();
        ApplicationId id = response.getApplicationId();
        MemorySize amMemory = config.get(JobManagerOptions.PROCESS_MEMORY);
        MemorySize tmMemory = config.get(TaskManagerOptions.PROCESS_MEMORY);
        checkFits(response.getMaximumResourceCapability(), amMemory, "JobManager (-jm)");
        checkFits(response.getMaximumResourceCapability(), tmMemory, "TaskManager (-tm)");
        org.apache.hadoop.fs.Path stagingDir = null;
        try {
            FileSystem fs = FileSystem.get(yarnConf);
            StagingUploader uploader = new StagingUploader(fs, config.get(YarnOptions.SHARED_LIB_DIRECTORY));
            stagingDir = uploader.createStagingDir(stagingBase(fs), id.toString());
            ContainerResources resources = new ContainerResources();
            uploader.uploadRuntimeJars(RuntimeJars.resolve(config.get(YarnOptions.SHIP_FILES)), resources);
            if (jobJar != null) {
                uploader.uploadPrivate(jobJar, stagingDir, ContainerResources.JOB_JAR, resources);
            }
            uploader.uploadPrivate(logConfig(), stagingDir, ContainerResources.LOG_CONFIG, resources);
            uploader.uploadPrivate(hadoopConfig(), stagingDir, ContainerResources.HADOOP_CONFIG, resources);
            uploader.uploadPrivate(effectiveConfig(resources, stagingDir, jobMode), stagingDir,
                    ContainerResources.CONFIG_FILE, resources);
            submit(app, resources, amMemory);
        } catch (DeploymentException e) {
            deleteQuietly(stagingDir);
            throw e;
        } catch (Exception e) {
            deleteQuietly(stagingDir);
            throw new DeploymentException("Cannot ship the application to the cluster's file system ("
                    + yarnConf.get("fs.defaultFS") + "): " + rootMessage(e), e);
        }
        ApplicationMonitor monitor = new ApplicationMonitor(yarnClient, id);
        try {
            ApplicationMonitor.Endpoint endpoint = monitor.awaitRunning(config.get(YarnOptions.DEPLOYMENT_TIMEOUT));
            return new YarnApplication(id, stagingDir, endpoint.host(), endpoint.port());
        } catch (DeploymentException e) {
            kill(id);
            deleteQuietly(stagingDir);
            throw e;
        }
    }

    private static void checkFits(Resource max, MemorySize wanted, String what) throws DeploymentException {
        if (wanted.mebiBytes() > max.getMemorySize()) {
            throw new DeploymentException(what + " memory of " + wanted.mebiBytes() + " MB exceeds the cluster's "
                    + "maximum container size of " + max.getMemorySize() + " MB (yarn.scheduler.maximum-allocation-mb)");
        }
    }

    private org.apache.hadoop.fs.Path stagingBase(FileSystem fs) {
        String configured = config.get(YarnOptions.STAGING_DIRECTORY);
        return configured.isEmpty() ? new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".spindle")
                : new org.apache.hadoop.fs.Path(configured);
    }

    private Path effectiveConfig(ContainerResources resources, org.apache.hadoop.fs.Path stagingDir, boolean jobMode)
            throws IOException {
        Properties p = new Properties();
        config.toMap().forEach(p::setProperty);
        p.setProperty(YarnOptions.CONTAINER_RESOURCES.key(), resources.encode());
        p.setProperty(YarnOptions.STAGING_PATH.key(), stagingDir.toString());
        p.setProperty(ApplicationMasterMain.JOB_MODE_KEY, Boolean.toString(jobMode));
        Path file = Files.createTempFile("spindle-conf-", ".properties");
        file.toFile().deleteOnExit();
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "Effective Spindle configuration of this application");
        }
        return file;
    }

    /** The client's Hadoop settings, so containers find the ResourceManager and NameNode the client used. */
    private Path hadoopConfig() throws IOException {
        Path file = Files.createTempFile("hadoop-conf-", ".xml");
        file.toFile().deleteOnExit();
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            HadoopClientConfig.base().writeXml(out);
        }
        return file;
    }

    private static Path logConfig() throws IOException {
        Path file = Files.createTempFile("log4j2-container-", ".properties");
        file.toFile().deleteOnExit();
        try (InputStream in = YarnDeployer.class.getResourceAsStream("/" + ContainerResources.LOG_CONFIG)) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private void submit(YarnClientApplication app, ContainerResources resources, MemorySize amMemory) throws Exception {
        ApplicationSubmissionContext context = app.getApplicationSubmissionContext();
        context.setApplicationName(config.get(YarnOptions.APPLICATION_NAME));
        context.setQueue(config.get(YarnOptions.QUEUE));
        context.setApplicationType("Spindle");
        context.setMaxAppAttempts(1);
        context.setResource(Resource.newInstance(amMemory.mebiBytes(), 1));
        String command = ContainerCommands.java(amMemory, ApplicationMasterMain.class.getName(), "jobmanager",
                List.of(ContainerResources.CONFIG_FILE));
        Map<String, String> env = Map.of(ApplicationConstants.Environment.CLASSPATH.name(), resources.classpath());
        context.setAMContainerSpec(ContainerLaunchContext.newInstance(resources.toLocalResources(), env,
                List.of(command), null, null, null));
        yarnClient.submitApplication(context);
        LOG.info("Submitted application {} to queue {}", context.getApplicationId(), context.getQueue());
    }

    void kill(ApplicationId id) {
        try {
            yarnClient.killApplication(id);
        } catch (Exception e) {
            LOG.warn("Could not kill application {}", id, e);
        }
    }

    void deleteQuietly(org.apache.hadoop.fs.Path dir) {
        if (dir == null) {
            return;
        }
        try {
            dir.getFileSystem(yarnConf).delete(dir, true);
        } catch (IOException e) {
            LOG.warn("Could not delete staging directory {}", dir, e);
        }
    }

    @Override
    public void close() {
        yarnClient.stop();
    }
}
