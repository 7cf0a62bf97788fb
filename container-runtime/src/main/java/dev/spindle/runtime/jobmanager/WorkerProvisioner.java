package dev.spindle.runtime.jobmanager;

import dev.spindle.runtime.cluster.ResourceDriver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Keeps the number of TaskManagers matched to demand when a resource driver can start them (YARN):
 * asks for workers when jobs lack slots or fewer than the minimum are running, counting requests
 * still on their way so it does not ask twice for the same shortage; and picks TaskManagers that
 * have been idle for the idle timeout to be released, never going below the minimum. JobManager
 * main thread only.
 */
final class WorkerProvisioner {

    private static final Logger LOG = LogManager.getLogger(WorkerProvisioner.class);

    /** How many workers to keep and for how long an idle one is kept. */
    record Policy(int slotsPerWorker, int minWorkers, long idleTimeoutMillis) {
        Policy {
            slotsPerWorker = Math.max(1, slotsPerWorker);
            minWorkers = Math.max(0, minWorkers);
        }
    }

    private final ResourceDriver driver;
    private final Policy policy;
    private final String jobManagerHost;
    private final int jobManagerPort;
    private int pendingWorkers;

    WorkerProvisioner(ResourceDriver driver, Policy policy, String jobManagerHost, int jobManagerPort) {
        this.driver = driver;
        this.policy = policy;
        this.jobManagerHost = jobManagerHost;
        this.jobManagerPort = jobManagerPort;
    }

    /** Requests workers for {@code missingSlots} and for the minimum, given {@code registered} workers. */
    void ensureWorkers(int missingSlots, int registered) {
        int forSlots = (missingSlots + policy.slotsPerWorker() - 1) / policy.slotsPerWorker();
        int forMinimum = policy.minWorkers() - registered;
        int neededWorkers = Math.max(forSlots, forMinimum) - pendingWorkers;
        if (neededWorkers <= 0) {
            return;
        }
        pendingWorkers += neededWorkers;
        LOG.info("Requesting {} TaskManager(s) ({} missing slot(s), {} registered, minimum {})", neededWorkers,
                missingSlots, registered, policy.minWorkers());
        try {
            driver.requestWorkers(neededWorkers, jobManagerHost, jobManagerPort);
        } catch (Exception e) {
            pendingWorkers -= neededWorkers;
            LOG.warn("Requesting TaskManagers failed", e);
        }
    }

    /**
     * The TaskManagers to release now: idle longer than the timeout and not {@code inUse} by a
     * running job, while more than the minimum would remain; only when no job waits for slots.
     */
    List<TaskManagerRegistry.Registration> idleToRelease(Collection<TaskManagerRegistry.Registration> all,
                                                        int missingSlots,
                                                        Predicate<TaskManagerRegistry.Registration> inUse,
                                                        long now) {
        List<TaskManagerRegistry.Registration> result = new ArrayList<>();
        if (missingSlots > 0 || policy.idleTimeoutMillis() < 0) {
            return result;
        }
        int remaining = all.size();
        for (TaskManagerRegistry.Registration tm : all) {
            if (remaining <= policy.minWorkers()) {
                break;
            }
            if (tm.isIdle() && now - tm.idleSince >= policy.idleTimeoutMillis() && !inUse.test(tm)) {
                result.add(tm);
                remaining--;
            }
        }
        return result;
    }

    /** Lets the driver free the worker's resources once the JobManager has told it to shut down. */
    void release(TaskManagerRegistry.Registration tm) {
        LOG.info("Releasing {}: idle for {} s", tm.describe(), (System.currentTimeMillis() - tm.idleSince) / 1000);
        driver.releaseWorker(tm.id);
    }

    void onWorkerRegistered() {
        pendingWorkers = Math.max(0, pendingWorkers - 1);
    }

    /** A requested worker will not come (its container failed to start). */
    void onWorkerFailed() {
        pendingWorkers = Math.max(0, pendingWorkers - 1);
    }
}
