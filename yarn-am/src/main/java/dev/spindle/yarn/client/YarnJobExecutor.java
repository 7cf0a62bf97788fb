package dev.spindle.yarn.client;

import dev.spindle.runtime.cli.CliContext;
import dev.spindle.runtime.client.ClusterClient;
import dev.spindle.runtime.client.DeploymentException;
import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.yarn.ContainerResources;
import java.util.List;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs each job of a program in its own YARN application: deploys an ApplicationMaster, submits
 * the job to its JobManager, and (attached) waits for the job and for the application to end with
 * the matching final status. Interrupting the client kills the application unless
 * {@code --keep-on-exit}. Detached, it returns as soon as the job runs.
 */
final class YarnJobExecutor extends CliJobExecutor {

    private static final Logger LOG = LogManager.getLogger(YarnJobExecutor.class);

    private YarnDeployer deployer;
    private volatile ApplicationId running;

    YarnJobExecutor(CliContext context) {
        super(context);
    }

    @Override
    public JobResult execute(JobGraph graph) throws Exception {
        if (deployer == null) {
            deployer = new YarnDeployer(config);
        }
        YarnClientApplication app = deployer.createApplication();
        ApplicationId id = app.getNewApplicationResponse().getApplicationId();
        context.out().println("applicationId=" + id);
        context.out().flush();
        context.status().setApplicationId(id.toString());
        running = id;
        installKillHook();
        YarnApplication deployed = deployer.deploy(app, context.jar().toPath(), true);
        try (ClusterClient client = new ClusterClient(deployed.jobManagerHost(), deployed.jobManagerPort())) {
            client.submit(graph, List.of(ContainerResources.JOB_JAR));
            context.err().println("Job " + graph.jobId() + " running in " + id + " (JobManager at "
                    + deployed.jobManagerHost() + ":" + deployed.jobManagerPort() + ")");
            if (context.detached()) {
                running = null;
                context.status().setFinalStatus("RUNNING", "");
                context.err().println("Detached; follow it with: yarn application -status " + id);
                return JobResult.detached(graph.jobId(), graph.name());
            }
            JobResult result = client.awaitResult(graph.jobId());
            finishAttached(id, result);
            return result;
        }
    }

    private void finishAttached(ApplicationId id, JobResult result) throws DeploymentException {
        ApplicationReport report = new ApplicationMonitor(deployer.yarnClient(), id).awaitEnd(60_000);
        running = null;
        String finalStatus = ApplicationMonitor.finalStatusName(report);
        context.status().setFinalStatus(finalStatus, result.failureSummary() == null ? "" : result.failureSummary());
        if (!result.isSuccess()) {
            context.err().println("Logs: yarn logs -applicationId " + id);
        }
        LOG.info("Application {} ended: {} ({})", id, report.getYarnApplicationState(), finalStatus);
    }

    private void installKillHook() {
        if (context.detached()) {
            return;
        }
        installInterruptHook(() -> {
            ApplicationId id = running;
            if (id != null && deployer != null) {
                System.err.println("Interrupted: killing YARN application " + id);
                deployer.kill(id);
            }
        }, "spindle-yarn-kill-on-exit");
    }

    @Override
    public synchronized void close() {
        ApplicationId id = running;
        if (id != null && deployer != null && !context.detached()) {
            // The program ended while its application still runs (it failed between submission and result).
            deployer.kill(id);
        }
        removeInterruptHook();
        if (deployer != null) {
            deployer.close();
        }
    }
}
