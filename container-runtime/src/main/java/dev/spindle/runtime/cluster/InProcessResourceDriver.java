package dev.spindle.runtime.cluster;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.taskmanager.TaskManager;
import java.util.ArrayList;
import java.util.List;

/** Runs TaskManagers inside this JVM (the embedded cluster's default). */
public final class InProcessResourceDriver implements ResourceDriver {

    private final Configuration config;
    private final List<TaskManager> taskManagers = new ArrayList<>();

    public InProcessResourceDriver(Configuration config) {
        this.config = config;
    }

    @Override
    public synchronized void requestWorkers(int count, String host, int port) throws Exception {
        for (int i = 0; i < count; i++) {
            TaskManager tm = new TaskManager(config, host, port);
            taskManagers.add(tm);
            tm.start();
        }
    }

    @Override
    public synchronized void releaseWorker(String workerId) {
        taskManagers.removeIf(tm -> {
            if (tm.id().equals(workerId)) {
                tm.close();
                return true;
            }
            return false;
        });
    }

    public synchronized List<TaskManager> taskManagers() {
        return List.copyOf(taskManagers);
    }

    @Override
    public synchronized void close() {
        taskManagers.forEach(TaskManager::close);
        taskManagers.clear();
    }
}
