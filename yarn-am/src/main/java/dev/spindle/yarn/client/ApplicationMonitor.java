package dev.spindle.yarn.client;

import dev.spindle.runtime.client.DeploymentException;
import dev.spindle.yarn.Diagnostics;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;

/** Follows an application's report: until its AM runs, or until it ends. */
final class ApplicationMonitor {

    /** Where the AM's JobManager listens. */
    record Endpoint(String host, int port) {
    }

    private final YarnClient yarnClient;
    private final ApplicationId id;

    ApplicationMonitor(YarnClient yarnClient, ApplicationId id) {
        this.yarnClient = yarnClient;
        this.id = id;
    }

    Endpoint awaitRunning(long timeoutMillis) throws DeploymentException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            ApplicationReport report = report();
            YarnApplicationState state = report.getYarnApplicationState();
            if (state == YarnApplicationState.RUNNING && report.getRpcPort() > 0) {
                return new Endpoint(report.getHost(), report.getRpcPort());
            }
            if (isEnded(state)) {
                throw new DeploymentException("YARN did not run application " + id + " (" + state + "): "
                        + Diagnostics.firstLine(report.getDiagnostics()));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new DeploymentException("Application " + id + " did not start within " + timeoutMillis / 1000
                        + " s (state " + state + "; the cluster may lack resources or the queue is full)"
                        + diagnosticsSuffix(report));
            }
            sleep(250);
        }
    }

    /** Waits until the application ended; returns its final status. */
    ApplicationReport awaitEnd(long timeoutMillis) throws DeploymentException {
        long deadline = System.currentTimeMillis() + Math.min(timeoutMillis, Long.MAX_VALUE / 2);
        while (true) {
            ApplicationReport report = report();
            YarnApplicationState state = report.getYarnApplicationState();
            if (isEnded(state)) {
                return report;
            }
            if (System.currentTimeMillis() > deadline) {
                return report;
            }
            sleep(200);
        }
    }

    static boolean isEnded(YarnApplicationState state) {
        return state == YarnApplicationState.FINISHED || state == YarnApplicationState.FAILED
                || state == YarnApplicationState.KILLED;
    }

    static String finalStatusName(ApplicationReport report) {
        FinalApplicationStatus status = report.getFinalApplicationStatus();
        return status == null ? "UNDEFINED" : status.name();
    }

    private ApplicationReport report() throws DeploymentException {
        try {
            return yarnClient.getApplicationReport(id);
        } catch (Exception e) {
            throw new DeploymentException("Lost contact with the ResourceManager while following " + id + ": "
                    + Diagnostics.rootMessage(e), e);
        }
    }

    private static String diagnosticsSuffix(ApplicationReport report) {
        String d = Diagnostics.firstLine(report.getDiagnostics());
        return d.isEmpty() ? "" : ": " + d;
    }

    private static void sleep(long millis) throws DeploymentException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("Interrupted while waiting for the application");
        }
    }
}
