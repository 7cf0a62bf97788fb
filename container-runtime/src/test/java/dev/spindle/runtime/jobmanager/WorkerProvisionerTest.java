package dev.spindle.runtime.jobmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.cluster.ResourceDriver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerProvisionerTest {

    /** Counts what the provisioner asks for. */
    private static final class TestingResourceDriver implements ResourceDriver {
        int requested;
        final List<String> released = new ArrayList<>();

        @Override
        public void requestWorkers(int count, String host, int port) {
            requested += count;
        }

        @Override
        public void releaseWorker(String workerId) {
            released.add(workerId);
        }

        @Override
        public void close() {
        }
    }

    private final TestingResourceDriver driver = new TestingResourceDriver();

    private WorkerProvisioner provisioner(int slots, int min, long idleTimeout) {
        return new WorkerProvisioner(driver, new WorkerProvisioner.Policy(slots, min, idleTimeout), "localhost", 1);
    }

    private static TaskManagerRegistry.Registration idleSince(String id, long since) {
        TaskManagerRegistry.Registration r = new TaskManagerRegistry.Registration(id, "localhost", 1, 2, "", null);
        r.idleSince = since;
        return r;
    }

    @Test
    void shouldAskForEnoughWorkersForMissingSlotsOnlyOnce() {
        WorkerProvisioner p = provisioner(2, 0, 1000);
        p.ensureWorkers(3, 0);
        assertEquals(2, driver.requested);
        p.ensureWorkers(3, 0);
        assertEquals(2, driver.requested, "requests on their way count");
        p.onWorkerRegistered();
        p.onWorkerFailed();
        p.ensureWorkers(1, 1);
        assertEquals(3, driver.requested, "one came and took two slots, one failed: ask again for the last slot");
    }

    @Test
    void shouldKeepTheMinimumWarmWithoutAnyJob() {
        WorkerProvisioner p = provisioner(2, 2, 1000);
        p.ensureWorkers(0, 0);
        assertEquals(2, driver.requested);
        p.onWorkerRegistered();
        p.onWorkerRegistered();
        p.ensureWorkers(0, 2);
        assertEquals(2, driver.requested);
    }

    @Test
    void shouldReleaseOnlyWorkersIdleLongerThanTheTimeoutAndKeepTheMinimum() {
        var old1 = idleSince("a", 0);
        var old2 = idleSince("b", 0);
        var fresh = idleSince("c", 9_500);
        var all = List.of(old1, old2, fresh);
        assertEquals(List.of(old1, old2), provisioner(2, 1, 1000).idleToRelease(all, 0, tm -> false, 10_000),
                "the old ones go, the fresh one stays");
        assertEquals(List.of(old1), provisioner(2, 2, 1000).idleToRelease(all, 0, tm -> false, 10_000),
                "never below the minimum");
    }

    @Test
    void shouldNotReleaseWorkersThatRunningJobsUsedOrWhileJobsWaitForSlots() {
        WorkerProvisioner p = provisioner(2, 0, 1000);
        var used = idleSince("a", 0);
        var free = idleSince("b", 0);
        assertEquals(List.of(free), p.idleToRelease(List.of(used, free), 0, tm -> tm == used, 10_000));
        assertTrue(p.idleToRelease(List.of(used, free), 1, tm -> false, 10_000).isEmpty());
    }

    @Test
    void shouldNotReleaseBusyWorkersOrAnyWhenTheTimeoutIsOff() {
        var busy = idleSince("a", 0);
        busy.freeSlots = 1;
        assertTrue(provisioner(2, 0, 1000).idleToRelease(List.of(busy), 0, tm -> false, 10_000).isEmpty());
        var idle = idleSince("b", 0);
        assertTrue(provisioner(2, 0, -1).idleToRelease(List.of(idle), 0, tm -> false, 10_000).isEmpty());
    }
}
