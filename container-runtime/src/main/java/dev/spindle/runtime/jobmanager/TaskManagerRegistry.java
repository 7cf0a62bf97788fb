package dev.spindle.runtime.jobmanager;

import dev.spindle.runtime.rpc.RpcConnection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered TaskManagers and their free slots. Only the JobManager's main thread touches it.
 */
final class TaskManagerRegistry {

    /** One TaskManager as the JobManager sees it. */
    static final class Registration {
        final String id;
        final String host;
        final int dataPort;
        final int slots;
        final String logFile;
        final RpcConnection connection;
        int freeSlots;
        long lastHeartbeat;
        /** Since when all slots are free (epoch millis). */
        long idleSince;

        Registration(String id, String host, int dataPort, int slots, String logFile, RpcConnection connection) {
            this.id = id;
            this.host = host;
            this.dataPort = dataPort;
            this.slots = slots;
            this.logFile = logFile;
            this.connection = connection;
            this.freeSlots = slots;
            this.lastHeartbeat = System.currentTimeMillis();
            this.idleSince = lastHeartbeat;
        }

        boolean isIdle() {
            return freeSlots == slots;
        }

        String describe() {
            String where = "TaskManager " + id + " (" + connection.remoteAddress() + ")";
            return logFile == null || logFile.isEmpty() ? where : where + ", log: " + logFile;
        }
    }

    private final Map<String, Registration> byId = new LinkedHashMap<>();

    void add(Registration r) {
        byId.put(r.id, r);
    }

    Registration remove(String id) {
        return byId.remove(id);
    }

    Registration get(String id) {
        return byId.get(id);
    }

    Registration byConnection(RpcConnection connection) {
        for (Registration r : byId.values()) {
            if (r.connection == connection) {
                return r;
            }
        }
        return null;
    }

    Collection<Registration> all() {
        return byId.values();
    }

    int totalSlots() {
        return byId.values().stream().mapToInt(r -> r.slots).sum();
    }

    int freeSlots() {
        return byId.values().stream().mapToInt(r -> r.freeSlots).sum();
    }

    /** Takes {@code n} free slots, spreading over TaskManagers with the most free slots first; null if not enough. */
    List<Registration> allocate(int n) {
        if (freeSlots() < n) {
            return null;
        }
        List<Registration> result = new ArrayList<>(n);
        while (result.size() < n) {
            Registration best = null;
            for (Registration r : byId.values()) {
                if (r.freeSlots > 0 && (best == null || r.freeSlots > best.freeSlots)) {
                    best = r;
                }
            }
            best.freeSlots--;
            result.add(best);
        }
        return result;
    }

    void release(Registration r) {
        if (byId.get(r.id) == r) {
            r.freeSlots = Math.min(r.slots, r.freeSlots + 1);
            if (r.isIdle()) {
                r.idleSince = System.currentTimeMillis();
            }
        }
    }
}
