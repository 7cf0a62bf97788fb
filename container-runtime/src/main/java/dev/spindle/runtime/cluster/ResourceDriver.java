package dev.spindle.runtime.cluster;

/**
 * How the runtime gets workers: it asks for TaskManagers, which then register with the JobManager
 * on their own. The embedded cluster starts them as threads or local processes; YARN starts them in
 * containers.
 */
public interface ResourceDriver extends AutoCloseable {

    /** Starts {@code count} TaskManagers that register at the JobManager's {@code host:port}. */
    void requestWorkers(int count, String jobManagerHost, int jobManagerPort) throws Exception;

    /**
     * The JobManager no longer needs this worker (it was idle) and has told it to shut down; the
     * driver makes sure it goes away and frees its resources. {@code workerId} is the id the worker
     * registered with.
     */
    default void releaseWorker(String workerId) {
    }

    /** Stops all workers this driver started. */
    @Override
    void close();
}
