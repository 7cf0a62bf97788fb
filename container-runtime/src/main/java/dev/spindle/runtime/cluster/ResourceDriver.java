package dev.spindle.runtime.cluster;

/**
 * How the runtime gets workers: it asks for TaskManagers, which then register with the JobManager
 * on their own. The embedded cluster starts them as threads or local processes; YARN starts them in
 * containers.
 */
public interface ResourceDriver extends AutoCloseable {

    /** Starts {@code count} TaskManagers that register at the JobManager's {@code host:port}. */
    void requestWorkers(int count, String jobManagerHost, int jobManagerPort) throws Exception;

    /** Stops all workers this driver started. */
    @Override
    void close();
}
