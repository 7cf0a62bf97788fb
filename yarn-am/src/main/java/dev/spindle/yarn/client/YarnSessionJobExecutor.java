package dev.spindle.yarn.client;

import dev.spindle.runtime.cli.CliContext;
import dev.spindle.runtime.client.ClusterClient;
import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.jobgraph.JobGraph;
import java.util.List;

/**
 * Runs a program's jobs in a running YARN session: connects to the session's JobManager, ships the
 * job jar to it once (TaskManagers fetch it from there), submits each job and, attached, waits for
 * it. Interrupting an attached client cancels its running job (not the session) unless
 * {@code --keep-on-exit}.
 */
final class YarnSessionJobExecutor extends CliJobExecutor {

    private ClusterClient client;
    private String jarReference;
    private volatile String runningJob;

    YarnSessionJobExecutor(CliContext context) {
        super(context);
    }

    @Override
    public JobResult execute(JobGraph graph) throws Exception {
        ClusterClient c = client();
        String id = c.submit(graph, List.of(jarReference));
        context.err().println("Job " + id + " submitted to YARN session " + context.status().applicationId());
        if (context.detached()) {
            return JobResult.detached(id, graph.name());
        }
        runningJob = id;
        installCancelHook();
        try {
            return c.awaitResult(id); // the CLI records the final status from the result
        } finally {
            runningJob = null;
        }
    }

    private ClusterClient client() throws Exception {
        if (client == null) {
            try (YarnSessionLocator locator = new YarnSessionLocator(config)) {
                YarnSessionLocator.Located session = locator.locateRunning();
                context.out().println("applicationId=" + session.id());
                context.out().flush();
                context.status().setApplicationId(session.id().toString());
                client = locator.connect(session);
            }
            jarReference = client.uploadJar(context.jar().toPath());
        }
        return client;
    }

    private void installCancelHook() {
        installInterruptHook(() -> {
            String job = runningJob;
            ClusterClient c = client;
            if (job != null && c != null) {
                System.err.println("Interrupted: cancelling job " + job + " (the session keeps running)");
                try {
                    c.cancel(job);
                } catch (Exception e) {
                    System.err.println("Could not cancel job " + job + ": " + e.getMessage());
                }
            }
        }, "spindle-session-cancel-on-exit");
    }

    @Override
    public synchronized void close() {
        removeInterruptHook();
        if (client != null) {
            client.close();
        }
    }
}
