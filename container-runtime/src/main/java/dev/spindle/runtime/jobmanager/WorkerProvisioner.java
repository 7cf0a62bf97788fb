package dev.spindle.runtime.jobmanager;

import dev.spindle.runtime.cluster.ResourceDriver;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Asks the resource driver for TaskManagers when jobs lack slots, counting the requests still on
 * their way so that it does not ask twice for the same shortage. JobManager main thread only.
 */
final class WorkerProvisioner {

    private static final Logger LOG = LogManager.getLogger(WorkerProvisioner.class);

    private final ResourceDriver driver;
    private final int slotsPerWorker;
    private final String jobManagerHost;
    private final int jobManagerPort;
    private int pendingWorkers;

    WorkerProvisioner(ResourceDriver driver, int slotsPerWorker, String jobManagerHost, int jobManagerPort) {
        this.driver = driver;
        this.slotsPerWorker = Math.max(1, slotsPerWorker);
        this.jobManagerHost = jobManagerHost;
        this.jobManagerPort = jobManagerPort;
    }

    void ensureSlots(int missingSlots) {
        int neededWorkers = (missingSlots + slotsPerWorker - 1) / slotsPerWorker - pendingWorkers;
        if (neededWorkers <= 0) {
            return;
        }
        pendingWorkers += neededWorkers;
        LOG.info("Requesting {} TaskManager(s) for {} missing slot(s)", neededWorkers, missingSlots);
        try {
            driver.requestWorkers(neededWorkers, jobManagerHost, jobManagerPort);
        } catch (Exception e) {
            pendingWorkers -= neededWorkers;
            LOG.warn("Requesting TaskManagers failed", e);
        }
    }

    void onWorkerRegistered() {
        pendingWorkers = Math.max(0, pendingWorkers - 1);
    }

    /** A requested worker will not come (its container failed to start). */
    void onWorkerFailed() {
        pendingWorkers = Math.max(0, pendingWorkers - 1);
    }
}
